package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a valid hook definition is: one place for the limits the API documents. */
final class HookRules {

    static final int NAME = 200;
    static final int URL = 2_000;
    static final int COMMAND = 64 * 1024;
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 600;

    private HookRules() {}

    static HookDefinition normalised(HookDefinition definition) {
        if (definition == null) {
            throw invalid("A hook needs a definition");
        }
        String name = definition.name() == null ? "" : definition.name().trim();
        if (name.isEmpty() || name.length() > NAME) {
            throw invalid("name must be 1-" + NAME + " characters");
        }
        if (definition.event() == null) {
            throw invalid("event must be PreToolUse or PostToolUse");
        }
        if (definition.type() == null) {
            throw invalid("type must be webhook or command");
        }
        String matcherProblem = HookMatcher.problem(definition.matcher());
        if (matcherProblem != null) {
            throw new HookRefusal(HookError.MATCHER_INVALID, matcherProblem);
        }
        int timeout = definition.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : definition.timeoutSeconds();
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            throw invalid("timeoutSeconds must be 1-" + MAX_TIMEOUT_SECONDS);
        }
        String url = null;
        String command = null;
        if (definition.type() == HookType.WEBHOOK) {
            url = webhookUrl(definition.url());
        } else {
            command = definition.command();
            if (command == null || command.isBlank() || command.length() > COMMAND) {
                throw invalid("a command hook needs a command of 1-" + COMMAND + " characters");
            }
        }
        return new HookDefinition(
                name,
                definition.event(),
                definition.matcher() == null ? "" : definition.matcher().trim(),
                definition.type(),
                url,
                command,
                definition.sessionId(),
                definition.subagentId(),
                timeout,
                definition.active(),
                HookFailurePolicy.orDefault(definition.onFailure()));
    }

    private static String webhookUrl(String url) {
        if (url == null || url.isBlank() || url.length() > URL) {
            throw invalid("a webhook needs a url of 1-" + URL + " characters");
        }
        try {
            URI parsed = new URI(url.trim());
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || parsed.getHost() == null) {
                throw invalid("url must be an http(s) URL with a host");
            }
            // HookTargets applies the delivery's target rules when a URL is saved; they run again at every delivery,
            // when they are current.
            return parsed.toString();
        } catch (URISyntaxException malformed) {
            throw invalid("url is not a URL: " + malformed.getReason());
        }
    }

    private static HookRefusal invalid(String detail) {
        return new HookRefusal(HookError.INVALID_INPUT, detail);
    }
}
