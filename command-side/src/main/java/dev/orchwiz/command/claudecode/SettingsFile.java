package dev.orchwiz.command.claudecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of settings.json OrchWiz owns (permission rules and hooks); everything else is passed through untouched,
 * in its order, because Claude Code adds settings keys faster than OrchWiz could model them.
 */
public final class SettingsFile {

    private static final String FILE = "settings.json";
    private static final String PERMISSIONS = "permissions";
    private static final String HOOKS = "hooks";
    private static final String MATCHER = "matcher";
    private static final String TYPE = "type";
    private static final String COMMAND = "command";
    private static final String URL = "url";
    private static final String TIMEOUT = "timeout";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two-space indentation and {@code "key": value}, as Claude Code writes settings files. */
    private static final DefaultPrettyPrinter CLAUDE_CODE_STYLE = new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private SettingsFile() {}

    public record Permissions(List<String> allow, List<String> ask, List<String> deny) {

        public Permissions {
            allow = allow == null ? List.of() : List.copyOf(allow);
            ask = ask == null ? List.of() : List.copyOf(ask);
            deny = deny == null ? List.of() : List.copyOf(deny);
        }
    }

    /**
     * One hook, flattened out of {@code hooks.{event}[].hooks[]}. {@code matcher} is "" when the group had none;
     * {@code timeoutSeconds} is null when absent (or not a whole number, which then stays in {@code other});
     * {@code other} holds every further key of the hook object (e.g. {@code if}, {@code prompt}), in file order.
     */
    public record HookEntry(
            String event,
            String matcher,
            String type,
            String command,
            String url,
            Integer timeoutSeconds,
            Map<String, Object> other) {

        public HookEntry {
            Objects.requireNonNull(event, "event");
            matcher = Objects.requireNonNullElse(matcher, "");
            // LinkedHashMap rather than Map.copyOf: the order is the file's and JSON null is a legitimate value.
            other = Collections.unmodifiableMap(new LinkedHashMap<>(other == null ? Map.of() : other));
        }
    }

    /** Reads a settings file; it must hold one JSON object. */
    public static ObjectNode parse(String path, String content) {
        String where = path == null || path.isBlank() ? FILE : path;
        if (content == null) {
            throw new ClaudeCodeFileInvalid(where, 0, "the file has no content");
        }
        MarkdownFile.refuseOversized(where, content);
        JsonNode settings;
        try {
            settings = JSON.readTree(content);
        } catch (JacksonException notJson) {
            TokenStreamLocation location = notJson.getLocation();
            int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
            throw new ClaudeCodeFileInvalid(where, line, "invalid JSON: " + notJson.getOriginalMessage(), notJson);
        }
        if (settings == null || !settings.isObject()) {
            throw new ClaudeCodeFileInvalid(where, 0, "a settings file must hold one JSON object");
        }
        return (ObjectNode) settings;
    }

    /** Writes settings with two-space indentation and a final newline, the way Claude Code writes them. */
    public static String render(JsonNode settings) {
        return JSON.writer().with(CLAUDE_CODE_STYLE).writeValueAsString(settings) + "\n";
    }

    /** {@code permissions.allow/ask/deny}; a missing array is empty. */
    public static Permissions permissions(JsonNode settings) {
        JsonNode permissions = objectOrNull(root(settings).get(PERMISSIONS), PERMISSIONS);
        if (permissions == null) {
            return new Permissions(List.of(), List.of(), List.of());
        }
        return new Permissions(rules(permissions, "allow"), rules(permissions, "ask"), rules(permissions, "deny"));
    }

    /**
     * A copy of {@code settings} (or of {@code {}}) whose {@code permissions.allow/ask/deny} are replaced; every other
     * key, {@code permissions.defaultMode} included, keeps its value and place. An empty list is written only where
     * the array already existed, so an unchanged file stays unchanged.
     */
    public static ObjectNode withPermissions(JsonNode settings, Permissions permissions) {
        Objects.requireNonNull(permissions, "permissions");
        ObjectNode copy = copyOf(settings);
        JsonNode existing = objectOrNull(copy.get(PERMISSIONS), PERMISSIONS);
        ObjectNode target = existing == null ? JSON.createObjectNode() : (ObjectNode) existing;
        setRules(target, "allow", permissions.allow());
        setRules(target, "ask", permissions.ask());
        setRules(target, "deny", permissions.deny());
        if (existing != null || !target.isEmpty()) {
            copy.set(PERMISSIONS, target);
        }
        return copy;
    }

    /** Every hook of every event, flattened in file order; unknown event names are kept, the set is open. */
    public static List<HookEntry> hooks(JsonNode settings) {
        JsonNode hooks = objectOrNull(root(settings).get(HOOKS), HOOKS);
        if (hooks == null) {
            return List.of();
        }
        List<HookEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : hooks.properties()) {
            String eventPath = HOOKS + "." + event.getKey();
            JsonNode groups = arrayOrNull(event.getValue(), eventPath);
            if (groups == null) {
                continue;
            }
            for (int g = 0; g < groups.size(); g++) {
                String groupPath = eventPath + "[" + g + "]";
                JsonNode group = groups.get(g);
                if (!group.isObject()) {
                    throw invalid(groupPath + " must be an object with 'matcher' and 'hooks', found " + kind(group));
                }
                String matcher = matcherOf(group, groupPath);
                JsonNode hookList = arrayOrNull(group.get(HOOKS), groupPath + "." + HOOKS);
                if (hookList == null) {
                    continue;
                }
                for (int h = 0; h < hookList.size(); h++) {
                    entries.add(hookEntry(event.getKey(), matcher, hookList.get(h), groupPath + ".hooks[" + h + "]"));
                }
            }
        }
        return List.copyOf(entries);
    }

    /**
     * A copy of {@code settings} (or of {@code {}}) whose {@code hooks} hold exactly {@code hooks}, grouped by event
     * and then matcher in first-seen order. Whatever the old file had for the same event and matcher is reused: a
     * group's own extra keys and an explicit {@code "matcher": ""}, and a hook object's key order when the hook did
     * not change. A new group with matcher "" gets no {@code matcher} key (Claude Code reads both the same).
     * Non-adjacent groups with the same event and matcher in the old file come back as one group.
     */
    public static ObjectNode withHooks(JsonNode settings, List<HookEntry> hooks) {
        Objects.requireNonNull(hooks, "hooks");
        ObjectNode copy = copyOf(settings);
        JsonNode original = objectOrNull(copy.get(HOOKS), HOOKS);
        if (hooks.isEmpty() && original == null) {
            return copy;
        }
        Map<String, Map<String, List<HookEntry>>> grouped = new LinkedHashMap<>();
        for (HookEntry hook : hooks) {
            grouped.computeIfAbsent(hook.event(), event -> new LinkedHashMap<>())
                    .computeIfAbsent(hook.matcher(), matcher -> new ArrayList<>())
                    .add(hook);
        }
        ObjectNode hooksNode = JSON.createObjectNode();
        grouped.forEach((event, byMatcher) -> {
            ArrayNode groups = hooksNode.putArray(event);
            byMatcher.forEach((matcher, entries) ->
                    groups.add(groupNode(originalGroup(original, event, matcher), matcher, entries)));
        });
        copy.set(HOOKS, hooksNode);
        return copy;
    }

    private static ObjectNode groupNode(JsonNode originalGroup, String matcher, List<HookEntry> entries) {
        ArrayNode hookNodes = JSON.createArrayNode();
        for (HookEntry entry : entries) {
            hookNodes.add(hookNode(entry, originalGroup));
        }
        ObjectNode group = JSON.createObjectNode();
        if (originalGroup == null) {
            if (!matcher.isEmpty()) {
                group.put(MATCHER, matcher);
            }
            group.set(HOOKS, hookNodes);
            return group;
        }
        for (Map.Entry<String, JsonNode> property : originalGroup.properties()) {
            group.set(
                    property.getKey(),
                    HOOKS.equals(property.getKey())
                            ? hookNodes
                            : property.getValue().deepCopy());
        }
        if (!group.has(HOOKS)) {
            group.set(HOOKS, hookNodes);
        }
        return group;
    }

    private static JsonNode hookNode(HookEntry entry, JsonNode originalGroup) {
        ObjectNode hook = JSON.createObjectNode();
        if (entry.type() != null) {
            hook.put(TYPE, entry.type());
        }
        if (entry.command() != null) {
            hook.put(COMMAND, entry.command());
        }
        if (entry.url() != null) {
            hook.put(URL, entry.url());
        }
        if (entry.timeoutSeconds() != null) {
            hook.put(TIMEOUT, entry.timeoutSeconds());
        }
        entry.other().forEach((key, value) -> hook.set(key, JSON.valueToTree(value)));
        if (originalGroup != null && originalGroup.get(HOOKS) instanceof ArrayNode originalHooks) {
            for (JsonNode originalHook : originalHooks) {
                // ObjectNode equality ignores key order, so an unchanged hook keeps the order the user wrote.
                if (originalHook.equals(hook)) {
                    return originalHook.deepCopy();
                }
            }
        }
        return hook;
    }

    private static JsonNode originalGroup(JsonNode originalHooks, String event, String matcher) {
        if (originalHooks == null || !(originalHooks.get(event) instanceof ArrayNode groups)) {
            return null;
        }
        for (JsonNode group : groups) {
            if (group.isObject() && matcher.equals(matcherOf(group, HOOKS + "." + event))) {
                return group;
            }
        }
        return null;
    }

    private static HookEntry hookEntry(String event, String matcher, JsonNode hook, String hookPath) {
        if (!hook.isObject()) {
            throw invalid(hookPath + " must be an object with a 'type', found " + kind(hook));
        }
        String type = null;
        String command = null;
        String url = null;
        Integer timeout = null;
        Map<String, Object> other = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : hook.properties()) {
            JsonNode value = property.getValue();
            switch (property.getKey()) {
                case TYPE -> type = value.isString() ? value.stringValue() : keep(other, TYPE, value);
                case COMMAND -> command = value.isString() ? value.stringValue() : keep(other, COMMAND, value);
                case URL -> url = value.isString() ? value.stringValue() : keep(other, URL, value);
                case TIMEOUT ->
                    timeout = value.isIntegralNumber() && value.canConvertToInt()
                            ? Integer.valueOf(value.intValue())
                            : keep(other, TIMEOUT, value);
                default -> other.put(property.getKey(), JSON.treeToValue(value, Object.class));
            }
        }
        return new HookEntry(event, matcher, type, command, url, timeout, other);
    }

    /** Keeps a known key whose value has an unexpected shape in {@code other}, so it is written back unchanged. */
    private static <T> T keep(Map<String, Object> other, String key, JsonNode value) {
        other.put(key, JSON.treeToValue(value, Object.class));
        return null;
    }

    private static String matcherOf(JsonNode group, String groupPath) {
        JsonNode matcher = group.get(MATCHER);
        if (matcher == null || matcher.isNull()) {
            return "";
        }
        if (!matcher.isString()) {
            throw invalid(groupPath + ".matcher must be a string, found " + kind(matcher));
        }
        return matcher.stringValue();
    }

    private static List<String> rules(JsonNode permissions, String outcome) {
        String arrayPath = PERMISSIONS + "." + outcome;
        JsonNode array = arrayOrNull(permissions.get(outcome), arrayPath);
        if (array == null) {
            return List.of();
        }
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode rule = array.get(i);
            if (!rule.isString()) {
                throw invalid(arrayPath + "[" + i + "] must be a permission rule string, found " + kind(rule));
            }
            rules.add(rule.stringValue());
        }
        return List.copyOf(rules);
    }

    private static void setRules(ObjectNode permissions, String outcome, List<String> rules) {
        if (rules.isEmpty() && !permissions.has(outcome)) {
            return;
        }
        ArrayNode array = JSON.createArrayNode();
        rules.forEach(array::add);
        permissions.set(outcome, array);
    }

    private static JsonNode root(JsonNode settings) {
        if (settings == null || settings.isMissingNode() || settings.isNull()) {
            return JSON.createObjectNode();
        }
        if (!settings.isObject()) {
            throw invalid("the settings must be a JSON object, found " + kind(settings));
        }
        return settings;
    }

    private static ObjectNode copyOf(JsonNode settings) {
        return (ObjectNode) root(settings).deepCopy();
    }

    private static JsonNode objectOrNull(JsonNode node, String nodePath) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(nodePath + " must be an object, found " + kind(node));
        }
        return node;
    }

    private static JsonNode arrayOrNull(JsonNode node, String nodePath) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid(nodePath + " must be an array, found " + kind(node));
        }
        return node;
    }

    private static String kind(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return node.isValueNode() ? type + " " + node : type;
    }

    private static ClaudeCodeFileInvalid invalid(String problem) {
        return new ClaudeCodeFileInvalid(FILE, 0, problem);
    }
}
