import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anOwnPolicy, aPolicy } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { Policy } from '../types';
import { PoliciesList } from './policies-list';

const POLICIES = '/api/permission-policies';

const policiesApi = (policies: () => Policy[], extra: Parameters<typeof mockApi>[0] = {}) =>
  mockApi({ [`GET ${POLICIES}`]: () => jsonResponse(aPage(policies())), ...extra });

describe('PoliciesList with policies of your own', () => {
  it('shows built-in policies read-only and your own with edit and delete', async () => {
    policiesApi(() => [aPolicy(), anOwnPolicy()]);

    renderWithProviders(<PoliciesList />);

    const builtIn = await screen.findByTestId('policy-read-only');
    expect(within(builtIn).getByTestId('policy-built-in')).toBeInTheDocument();
    expect(within(builtIn).queryByTestId('policy-edit')).not.toBeInTheDocument();
    expect(within(builtIn).queryByTestId('policy-delete')).not.toBeInTheDocument();
    const own = screen.getByTestId('policy-no-network');
    expect(own).toHaveTextContent('No network');
    expect(own).toHaveTextContent('deny Bash(curl *)');
    expect(within(own).queryByTestId('policy-built-in')).not.toBeInTheDocument();
    expect(within(own).getByTestId('policy-edit')).toBeInTheDocument();
    expect(within(own).getByTestId('policy-delete')).toBeInTheDocument();
  });

  it('creates a policy with its rules and outcomes, then lists it', async () => {
    let policies: Policy[] = [aPolicy()];
    const api = policiesApi(() => policies, {
      [`POST ${POLICIES}`]: () => {
        policies = [aPolicy(), anOwnPolicy({ version: 0 })];
        return jsonResponse({ id: 'p1', slug: 'no-network', version: 0 }, { status: 201 });
      },
    });
    const { user } = renderWithProviders(<PoliciesList />);

    await user.click(await screen.findByTestId('policy-new'));
    await user.type(screen.getByTestId('policy-slug'), 'no-network');
    await user.type(screen.getByTestId('policy-title'), 'No network');
    await user.type(screen.getByTestId('policy-description'), 'Keeps agents offline.');
    await user.type(screen.getByTestId('policy-rule-text-0'), 'Bash(curl *)');
    await user.click(screen.getByTestId('policy-rule-add'));
    await user.type(screen.getByTestId('policy-rule-text-1'), 'Read');
    await user.selectOptions(screen.getByTestId('policy-rule-outcome-1'), 'allow');
    await user.click(screen.getByTestId('policy-save'));

    expect(await screen.findByTestId('policy-no-network')).toHaveTextContent('No network');
    expect(screen.queryByTestId('policy-form')).not.toBeInTheDocument();
    expect(api.callsTo('POST', POLICIES)[0].body).toEqual({
      slug: 'no-network',
      title: 'No network',
      description: 'Keeps agents offline.',
      rules: [
        { rule: 'Bash(curl *)', outcome: 'deny' },
        { rule: 'Read', outcome: 'allow' },
      ],
    });
  });

  it('checks the slug and blank or repeated rules before sending', async () => {
    const api = policiesApi(() => []);
    const { user } = renderWithProviders(<PoliciesList />);

    await user.click(await screen.findByTestId('policy-new'));
    await user.type(screen.getByTestId('policy-slug'), 'No Network');
    await user.click(screen.getByTestId('policy-rule-add'));
    await user.type(screen.getByTestId('policy-rule-text-1'), 'Read');
    await user.click(screen.getByTestId('policy-rule-add'));
    await user.type(screen.getByTestId('policy-rule-text-2'), 'Read');
    await user.click(screen.getByTestId('policy-save'));

    expect(screen.getByTestId('policy-slug')).toHaveAccessibleDescription(/Lowercase letters and digits/);
    expect(screen.getByTestId('policy-rule-text-0')).toHaveAccessibleDescription('Write the rule, or remove this line.');
    expect(screen.getByTestId('policy-rule-text-2')).toHaveAccessibleDescription('This rule is listed already.');
    expect(api.callsTo('POST', POLICIES)).toHaveLength(0);

    await user.click(screen.getByTestId('policy-rule-remove-0'));
    expect(screen.getByTestId('policy-rule-text-0')).toHaveValue('Read');
  });

  it('shows a rule the node refused next to that rule, and a taken slug next to the slug', async () => {
    let answer = problemResponse({
      status: 400,
      code: 'PERMISSION_RULE_INVALID',
      title: 'Not a valid permission rule',
      detail: 'rules[1]: Rule "Bash(" is not valid: the specifier misses its closing \')\'',
    });
    policiesApi(() => [], { [`POST ${POLICIES}`]: () => answer });
    const { user } = renderWithProviders(<PoliciesList />);

    await user.click(await screen.findByTestId('policy-new'));
    await user.type(screen.getByTestId('policy-slug'), 'strict');
    await user.type(screen.getByTestId('policy-rule-text-0'), 'Read');
    await user.click(screen.getByTestId('policy-rule-add'));
    await user.type(screen.getByTestId('policy-rule-text-1'), 'Bash(');
    await user.click(screen.getByTestId('policy-save'));

    await waitFor(() => expect(screen.getByTestId('policy-rule-text-1')).toHaveAccessibleDescription(/misses its closing/));
    expect(screen.getByTestId('policy-rule-text-0')).not.toHaveAccessibleDescription(/misses/);

    answer = problemResponse({ status: 409, code: 'PERMISSION_POLICY_SLUG_TAKEN', title: 'Taken', detail: 'You already have a permission policy named strict' });
    await user.clear(screen.getByTestId('policy-rule-text-1'));
    await user.type(screen.getByTestId('policy-rule-text-1'), 'Bash(rm *)');
    await user.click(screen.getByTestId('policy-save'));

    await waitFor(() => expect(screen.getByTestId('policy-slug')).toHaveAccessibleDescription('You already have a permission policy named strict'));
  });

  it('edits your policy with If-Match, sending only what changed; the slug stays', async () => {
    let policies: Policy[] = [anOwnPolicy()];
    const api = policiesApi(() => policies, {
      [`PATCH ${POLICIES}/no-network`]: ({ body }) => {
        policies = [anOwnPolicy({ ...(body as Partial<Policy>), version: 4 })];
        return jsonResponse({ id: 'p1', slug: 'no-network', version: 4 });
      },
    });
    const { user } = renderWithProviders(<PoliciesList />);

    await user.click(within(await screen.findByTestId('policy-no-network')).getByTestId('policy-edit'));
    expect(screen.getByTestId('policy-slug')).toHaveAttribute('readonly');
    expect(screen.getByTestId('policy-rule-text-1')).toHaveValue('WebFetch');
    await user.selectOptions(screen.getByTestId('policy-rule-outcome-1'), 'ask');
    await user.click(screen.getByTestId('policy-save'));

    await waitFor(() => expect(screen.queryByTestId('policy-form')).not.toBeInTheDocument());
    const [patch] = api.callsTo('PATCH', `${POLICIES}/no-network`);
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toEqual({
      rules: [
        { rule: 'Bash(curl *)', outcome: 'deny' },
        { rule: 'WebFetch', outcome: 'ask' },
      ],
    });
    expect(await screen.findByText('WebFetch')).toBeInTheDocument();
  });

  it('keeps the version it was opened on, so a save made elsewhere meanwhile is refused, not overwritten', async () => {
    let current = anOwnPolicy();
    const api = policiesApi(() => [current], {
      [`PATCH ${POLICIES}/no-network`]: () =>
        problemResponse({ status: 412, code: 'PERMISSION_POLICY_VERSION_MISMATCH', title: 'Changed', detail: 'Policy is at version 4, not 3' }),
    });
    const { user, queryClient } = renderWithProviders(<PoliciesList />);

    await user.click(within(await screen.findByTestId('policy-no-network')).getByTestId('policy-edit'));
    current = anOwnPolicy({ title: 'Offline', name: 'Offline', version: 4 });
    await queryClient.invalidateQueries();
    await waitFor(() => expect(api.callsTo('GET', POLICIES).length).toBeGreaterThan(1));
    await user.type(screen.getByTestId('policy-title'), '!');
    await user.click(screen.getByTestId('policy-save'));

    expect(await screen.findByTestId('policy-conflict')).toHaveTextContent('changed elsewhere');
    const [patch] = api.callsTo('PATCH', `${POLICIES}/no-network`);
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toEqual({ title: 'No network!' });
  });

  it('deletes your policy after confirmation, and explains when a subagent still has it', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    let inUse = true;
    let policies: Policy[] = [anOwnPolicy()];
    const api = policiesApi(() => policies, {
      [`DELETE ${POLICIES}/no-network`]: () => {
        if (inUse) {
          return problemResponse({
            status: 409,
            code: 'PERMISSION_POLICY_IN_USE',
            title: 'In use',
            detail: 'Policy no-network is assigned to fetcher; unassign it first',
          });
        }
        policies = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<PoliciesList />);

    await user.click(within(await screen.findByTestId('policy-no-network')).getByTestId('policy-delete'));

    expect(await screen.findByTestId('policy-delete-error')).toHaveTextContent('Still assignedPolicy no-network is assigned to fetcher');
    expect(confirm).toHaveBeenCalled();

    inUse = false;
    await user.click(within(screen.getByTestId('policy-no-network')).getByTestId('policy-delete'));
    await waitFor(() => expect(screen.queryByTestId('policy-no-network')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', `${POLICIES}/no-network`)).toHaveLength(2);
  });
});
