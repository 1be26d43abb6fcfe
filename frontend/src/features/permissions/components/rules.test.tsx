import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPolicy, aRule, captureDownloads } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { Rule } from '../types';
import { PoliciesList } from './policies-list';
import { RuleForm } from './rule-form';
import { RulesByScope } from './rules-by-scope';
import { SettingsTransfer } from './settings-transfer';

const choices = {
  'GET /api/sessions': () => jsonResponse(aPage([{ id: 'session-1', title: 'Release', status: 'executing' }])),
  'GET /api/subagents': () =>
    jsonResponse(aPage([{ id: 'sub-1', name: 'deployer', mine: true }, { id: 'sub-2', name: 'theirs', mine: false }])),
};

const rulesApi = (rules: () => Rule[], extra = {}) =>
  mockApi({
    'GET /api/permissions': ({ search }) => jsonResponse(aPage(rules().filter((rule) => rule.scope === search.get('scope')))),
    ...choices,
    ...extra,
  });

describe('RulesByScope', () => {
  it('groups the rules by scope, widest first, with outcome and target', async () => {
    const api = rulesApi(() => [
      aRule({ id: 'g1', scope: 'global', rule: 'Read', outcome: 'allow' }),
      aRule({ id: 'u1' }),
      aRule({ id: 's1', scope: 'subagent', subagentId: 'sub-1', rule: 'Bash(rm:*)', outcome: 'deny' }),
    ]);

    renderWithProviders(<RulesByScope canWriteGlobal={false} />);

    const global = await screen.findByTestId('rules-global');
    expect(within(global).getByTestId('rule-row-g1')).toHaveTextContent('Readallow');
    expect(within(global).queryByTestId('rule-delete')).not.toBeInTheDocument();
    expect(within(await screen.findByTestId('rules-user')).getByTestId('rule-row-u1')).toHaveTextContent('Bash(npm run test:*)');
    const subagent = await screen.findByTestId('rules-subagent');
    expect(within(subagent).getByRole('link', { name: /subagent sub-1/ })).toHaveAttribute('href', '/subagents/sub-1');
    expect(within(await screen.findByTestId('rules-session')).getByText('No session rules.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/permissions').map((c) => c.search.get('scope')).sort()).toEqual(['global', 'session', 'subagent', 'user']);
  });

  it('deletes a rule after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    let rules = [aRule({ id: 'u1' })];
    const api = rulesApi(() => rules, {
      'DELETE /api/permissions/u1': () => {
        rules = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<RulesByScope canWriteGlobal={false} />);

    await user.click(within(await screen.findByTestId('rule-row-u1')).getByTestId('rule-delete'));

    await waitFor(() => expect(screen.queryByTestId('rule-row-u1')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/permissions/u1')).toHaveLength(1);
  });
});

describe('RuleForm', () => {
  it('adds a subagent rule with the picked subagent (only yours are offered)', async () => {
    const api = mockApi({ ...choices, 'POST /api/permissions': () => jsonResponse({ id: 'new', version: 0 }, { status: 201 }), 'GET /api/permissions': () => jsonResponse(aPage([])) });
    const { user } = renderWithProviders(<RuleForm canWriteGlobal={false} />);
    expect(within(screen.getByTestId('rule-scope')).queryByRole('option', { name: /global/ })).not.toBeInTheDocument();

    await user.type(screen.getByTestId('rule-text'), 'Bash(git push:*)');
    await user.selectOptions(screen.getByTestId('rule-outcome'), 'deny');
    await user.selectOptions(screen.getByTestId('rule-scope'), 'subagent');
    await user.click(screen.getByTestId('rule-add'));
    expect(screen.getByTestId('rule-subagent')).toHaveAccessibleDescription('Pick the subagent the rule is for.');
    expect(api.callsTo('POST', '/api/permissions')).toHaveLength(0);

    await waitFor(() => expect(screen.getByRole('option', { name: 'deployer' })).toBeInTheDocument());
    expect(screen.queryByRole('option', { name: 'theirs' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('rule-subagent'), 'sub-1');
    await user.click(screen.getByTestId('rule-add'));

    expect(await screen.findByTestId('rule-added')).toHaveTextContent('deny Bash(git push:*) added to subagent rules.');
    expect(api.callsTo('POST', '/api/permissions')[0].body).toEqual({ rule: 'Bash(git push:*)', outcome: 'deny', scope: 'subagent', subagentId: 'sub-1' });
    expect(screen.getByTestId('rule-text')).toHaveValue('');
  });

  it('offers global rules to admins and explains a refusal', async () => {
    mockApi({
      ...choices,
      'POST /api/permissions': () => problemResponse({ status: 403, code: 'PERMISSION_GLOBAL_ADMIN_ONLY', title: 'Forbidden', detail: 'Only admins write global rules.' }),
    });
    const { user } = renderWithProviders(<RuleForm canWriteGlobal />);

    await user.type(screen.getByTestId('rule-text'), 'Read');
    await user.selectOptions(screen.getByTestId('rule-scope'), 'global');
    await user.click(screen.getByTestId('rule-add'));

    await waitFor(() => expect(screen.getByTestId('rule-scope')).toHaveAccessibleDescription('Only admins write global rules.'));
    expect(screen.getByTestId('rule-form-error')).toHaveTextContent('Only admins write global rules.');
  });
});

describe('PoliciesList', () => {
  it('lists policies with their rules and marks the built-in ones', async () => {
    mockApi({ 'GET /api/permission-policies': () => jsonResponse(aPage([aPolicy(), aPolicy({ slug: 'team', name: 'Team', builtIn: false, rules: [] })])) });

    renderWithProviders(<PoliciesList />);

    const readOnly = await screen.findByTestId('policy-read-only');
    expect(within(readOnly).getByTestId('policy-built-in')).toHaveTextContent('built-in');
    expect(readOnly).toHaveTextContent('allow Read');
    expect(readOnly).toHaveTextContent('deny Write');
    expect(within(screen.getByTestId('policy-team')).queryByTestId('policy-built-in')).not.toBeInTheDocument();
  });
});

describe('SettingsTransfer', () => {
  it('imports a pasted settings.json into a session scope and shows what was added and skipped', async () => {
    const api = mockApi({ ...choices, 'POST /api/permissions/import': () => jsonResponse({ added: 3, skipped: 1 }), 'GET /api/permissions': () => jsonResponse(aPage([])) });
    const { user } = renderWithProviders(<SettingsTransfer canWriteGlobal={false} />);

    await user.selectOptions(screen.getByTestId('permissions-transfer-scope'), 'session');
    await waitFor(() => expect(screen.getByRole('option', { name: /Release/ })).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('permissions-transfer-session'), 'session-1');
    await user.click(screen.getByTestId('permissions-import-json'));
    await user.paste('{"permissions":{"allow":["Read"],"deny":["Bash(rm:*)"]}}');
    await user.click(screen.getByTestId('permissions-import'));

    expect(await screen.findByTestId('permissions-import-result')).toHaveTextContent('3 added 1 skipped');
    expect(api.callsTo('POST', '/api/permissions/import')[0].body).toEqual({
      settings: { permissions: { allow: ['Read'], deny: ['Bash(rm:*)'] } },
      scope: 'session',
      sessionId: 'session-1',
    });
  });

  it('refuses text that is not JSON', async () => {
    const api = mockApi(choices);
    const { user } = renderWithProviders(<SettingsTransfer canWriteGlobal={false} />);

    await user.click(screen.getByTestId('permissions-import-json'));
    await user.paste('permissions: allow');
    await user.click(screen.getByTestId('permissions-import'));

    expect(screen.getByTestId('permissions-import-json')).toHaveAccessibleDescription(/Not valid JSON/);
    expect(api.callsTo('POST', '/api/permissions/import')).toHaveLength(0);
  });

  it('downloads the settings.json of a scope', async () => {
    const downloads = captureDownloads();
    const settings = { permissions: { allow: ['Read'], ask: [], deny: [] } };
    const api = mockApi({ ...choices, 'GET /api/permissions/export': () => jsonResponse(settings) });
    const { user } = renderWithProviders(<SettingsTransfer canWriteGlobal={false} />);

    await user.click(screen.getByTestId('permissions-export'));

    await waitFor(() => expect(downloads.names).toEqual(['settings.json']));
    expect(JSON.parse(await downloads.text())).toEqual(settings);
    expect(api.callsTo('GET', '/api/permissions/export')[0].search.toString()).toBe('scope=user');
  });
});
