package dev.orchwiz.web.openapi;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contexts the API's paths belong to, each by the tag it has in the OpenAPI description. The names are the ones
 * the code and the docs use, so a reader of Swagger UI finds a tag's endpoints under the same name in the Java packages
 * and in {@code docs/architecture.md}.
 */
enum ApiContext {
    SESSIONS(
            "sessions",
            "Coding-agent sessions: create, prompt, change mode or status, fork, share, archive.",
            "/api/sessions"),
    RUNS(
            "runs",
            "Agent runs answering prompts: state, conversation, usage and cost, cancel; their traces as span trees; the"
                    + " node's runtimes; usage and latency reports.",
            "/api/runs",
            "/api/traces",
            "/api/runtimes",
            "/api/observability"),
    TOOL_CALLS(
            "tool-calls",
            "Tool calls: request one, decide an ask, cancel, report a remote result, read output, trail and hook"
                    + " deliveries. /api/executions and /api/approvals are the previous release's deprecated aliases.",
            "/api/tool-calls",
            "/api/executions",
            "/api/approvals"),
    PERMISSIONS(
            "permissions",
            "Permission rules and named policies that decide a tool call: allow, ask or deny; simulate, import, export.",
            "/api/permissions",
            "/api/permission-policies"),
    HOOKS(
            "hooks",
            "Webhooks called on tool-call events (PreToolUse, PostToolUse…) and their deliveries.",
            "/api/hooks"),
    SLASH_COMMANDS(
            "slash-commands",
            "Named scripts with $ARGUMENTS, run as a tool call (/name args); import and export as Claude Code files."
                    + " /api/commands is an alias.",
            "/api/slash-commands",
            "/api/commands"),
    SUBAGENTS(
            "subagents",
            "Named agents with their own prompt, tools, model and permission policies; import and export as Claude Code"
                    + " files.",
            "/api/subagents"),
    IDENTITY(
            "identity",
            "Accounts, sign-in, passkeys, API tokens, roles and the GitHub connection.",
            "/api/auth",
            "/api/me",
            "/api/admin/users",
            "/login"),
    NODES(
            "nodes",
            "The node's own rules: who may sign up, invitations, and claiming its first admin.",
            "/api/admin/signup-policy",
            "/api/admin/invitations",
            "/api/auth/claim-admin"),
    FORWARDING(
            "forwarding",
            "This node's signing identity and key rotation (/api/nodes/self), the origins it trusts, and what they"
                    + " forward: signed event batches, the original OrchWiz's single events, and the views folded from"
                    + " them.",
            "/api/forwarding",
            "/api/nodes"),
    EVENTS("events", "Every committed event as a server-sent event stream, and the event types.", "/api/events"),
    OPERATIONS(
            "operations",
            "Read models (projections): their position, rebuilds and dead letters. Admins only.",
            "/api/admin/projections");

    /** Every prefix with its context, longest first, so {@code /api/auth/claim-admin} wins over {@code /api/auth}. */
    private static final List<Map.Entry<String, ApiContext>> BY_PREFIX = Arrays.stream(values())
            .flatMap(context -> context.prefixes.stream().map(prefix -> Map.entry(prefix, context)))
            .sorted(Comparator.comparingInt((Map.Entry<String, ApiContext> entry) ->
                            entry.getKey().length())
                    .reversed())
            .toList();

    final String tag;
    final String description;
    private final List<String> prefixes;

    ApiContext(String tag, String description, String... prefixes) {
        this.tag = tag;
        this.description = description;
        this.prefixes = List.of(prefixes);
    }

    /** The context a path belongs to: the one with the longest prefix that is the path or a parent of it. */
    static Optional<ApiContext> of(String path) {
        return BY_PREFIX.stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
