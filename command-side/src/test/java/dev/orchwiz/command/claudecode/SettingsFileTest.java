package dev.orchwiz.command.claudecode;

import static dev.orchwiz.command.claudecode.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.command.claudecode.SettingsFile.HookEntry;
import dev.orchwiz.command.claudecode.SettingsFile.Permissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SettingsFileTest {

    private static final String PROJECT = "settings/project-settings.json";
    private static final String LOCAL = "settings/local-settings.json";

    private static ObjectNode fixture(String resource) {
        return SettingsFile.parse(".claude/" + resource, read(resource));
    }

    private static List<String> keys(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {PROJECT, LOCAL})
    void rendersAnUnchangedFileByteForByte(String resource) {
        assertThat(SettingsFile.render(fixture(resource))).isEqualTo(read(resource));
    }

    @Test
    void readsThePermissionRules() {
        // when
        Permissions permissions = SettingsFile.permissions(fixture(PROJECT));

        // then
        assertThat(permissions.allow())
                .containsExactly(
                        "Bash(npm run test:*)",
                        "Bash(git diff *)",
                        "Read(~/.zshrc)",
                        "WebFetch(domain:docs.example.com)",
                        "mcp__github");
        assertThat(permissions.ask()).containsExactly("Bash(git push *)");
        assertThat(permissions.deny())
                .containsExactly("Read(./.env)", "Read(./secrets/**)", "Bash(curl *)", "WebSearch");
    }

    @Test
    void readsMissingRuleArraysAsEmpty() {
        assertThat(SettingsFile.permissions(fixture(LOCAL)))
                .isEqualTo(
                        new Permissions(List.of("Bash(./mvnw -B -o test:*)", "Edit(/docs/**)"), List.of(), List.of()));
        assertThat(SettingsFile.permissions(SettingsFile.parse(null, "{\"model\": \"opus\"}")))
                .isEqualTo(new Permissions(List.of(), List.of(), List.of()));
        assertThat(SettingsFile.permissions(null)).isEqualTo(new Permissions(null, null, null));
    }

    @Test
    void replacingPermissionsKeepsEveryOtherKeyInItsPlace() {
        // given
        ObjectNode settings = fixture(PROJECT);

        // when
        ObjectNode changed = SettingsFile.withPermissions(
                settings, new Permissions(List.of("Read"), List.of(), List.of("Bash(rm *)")));

        // then
        assertThat(keys(changed)).isEqualTo(keys(settings));
        assertThat(keys(changed.get("permissions")))
                .containsExactly("allow", "ask", "deny", "defaultMode", "additionalDirectories");
        assertThat(changed.get("permissions").get("defaultMode").stringValue()).isEqualTo("acceptEdits");
        assertThat(changed.get("permissions").get("ask").isEmpty()).isTrue();
        assertThat(SettingsFile.permissions(changed))
                .isEqualTo(new Permissions(List.of("Read"), List.of(), List.of("Bash(rm *)")));
        ObjectNode restored = SettingsFile.withPermissions(changed, SettingsFile.permissions(settings));
        assertThat(SettingsFile.render(restored)).isEqualTo(read(PROJECT));
        assertThat(settings).isEqualTo(fixture(PROJECT));
    }

    @Test
    void writingTheSamePermissionsChangesNothing() {
        ObjectNode local = fixture(LOCAL);

        ObjectNode written = SettingsFile.withPermissions(local, SettingsFile.permissions(local));

        assertThat(SettingsFile.render(written)).isEqualTo(read(LOCAL));
    }

    @Test
    void writesPermissionsIntoEmptySettings() {
        // when
        ObjectNode written =
                SettingsFile.withPermissions(null, new Permissions(List.of("Read"), null, List.of("WebSearch")));

        // then
        assertThat(SettingsFile.render(written))
                .isEqualTo("{\n  \"permissions\": {\n    \"allow\": [\n      \"Read\"\n    ],\n"
                        + "    \"deny\": [\n      \"WebSearch\"\n    ]\n  }\n}\n");
        assertThat(SettingsFile.withPermissions(null, new Permissions(null, null, null)))
                .isEmpty();
    }

    @Test
    void refusesAPermissionRuleThatIsNoString() {
        ObjectNode settings = SettingsFile.parse(null, "{\"permissions\": {\"allow\": [\"Read\", \"Grep\", 42]}}");

        assertThatThrownBy(() -> SettingsFile.permissions(settings))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("settings.json: permissions.allow[2] must be a permission rule string, found number 42");
    }

    @Test
    void refusesPermissionsOfTheWrongShape() {
        assertThatThrownBy(() -> SettingsFile.permissions(SettingsFile.parse(null, "{\"permissions\": []}")))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("settings.json: permissions must be an object, found array");
        assertThatThrownBy(() ->
                        SettingsFile.permissions(SettingsFile.parse(null, "{\"permissions\": {\"deny\": \"x\"}}")))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("settings.json: permissions.deny must be an array, found string \"x\"");
    }

    @Test
    void flattensTheHooksOfEveryEventKeepingUnknownEventsAndKeys() {
        // when
        List<HookEntry> hooks = SettingsFile.hooks(fixture(PROJECT));

        // then
        assertThat(hooks)
                .containsExactly(
                        new HookEntry(
                                "PreToolUse",
                                "Bash|Edit|Write",
                                "command",
                                "$CLAUDE_PROJECT_DIR/.claude/hooks/validate.sh",
                                null,
                                30,
                                Map.of()),
                        new HookEntry(
                                "PreToolUse",
                                "Bash|Edit|Write",
                                "http",
                                null,
                                "https://orchwiz.local/hooks/pre-tool",
                                null,
                                Map.of()),
                        new HookEntry(
                                "PreToolUse",
                                "Bash",
                                "command",
                                "$CLAUDE_PROJECT_DIR/.claude/hooks/git-guard.sh",
                                null,
                                null,
                                Map.of("if", "Bash(git *)")),
                        new HookEntry(
                                "PostToolUse",
                                "Edit|Write",
                                "command",
                                "npx prettier --write \"$(jq -r '.tool_input.file_path')\"",
                                null,
                                60,
                                Map.of()),
                        new HookEntry(
                                "Stop",
                                "",
                                "prompt",
                                null,
                                null,
                                30,
                                Map.of(
                                        "prompt",
                                        "Evaluate whether every task the user asked for is complete: $ARGUMENTS")),
                        new HookEntry(
                                "ReviewRequested",
                                "security",
                                "agent",
                                null,
                                null,
                                null,
                                Map.of("prompt", "Review the change for security problems.")));
    }

    @Test
    void keepsHookValuesOfAnUnexpectedShapeAmongTheOtherKeys() {
        // when
        List<HookEntry> hooks = SettingsFile.hooks(fixture(LOCAL));

        // then
        HookEntry issueTemplate = hooks.get(hooks.size() - 1);
        assertThat(issueTemplate.timeoutSeconds()).isNull();
        assertThat(issueTemplate.other())
                .containsEntry("timeout", 1.5)
                .containsEntry("if", "mcp__github__create_issue");
        HookEntry prompt = hooks.get(1);
        assertThat(prompt.matcher()).isEmpty();
        assertThat(prompt.other())
                .containsEntry("headers", Map.of("Authorization", "Bearer $ORCHWIZ_HOOK_TOKEN"))
                .containsEntry("allowedEnvVars", List.of("ORCHWIZ_HOOK_TOKEN"));
        assertThat(hooks.get(2).other()).containsEntry("async", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {PROJECT, LOCAL})
    void flattenedHooksRegroupToAnEqualJsonTree(String resource) {
        // given
        ObjectNode settings = fixture(resource);

        // when
        ObjectNode regrouped = SettingsFile.withHooks(settings, SettingsFile.hooks(settings));

        // then
        assertThat(regrouped).isEqualTo(settings);
        assertThat(SettingsFile.render(regrouped)).isEqualTo(read(resource));
    }

    @Test
    void flattenedHooksRegroupIntoEmptySettingsWithoutMatcherKeysForMatcherlessGroups() {
        // given
        ObjectNode settings = fixture(PROJECT);

        // when
        ObjectNode regrouped = SettingsFile.withHooks(null, SettingsFile.hooks(settings));

        // then
        assertThat(keys(regrouped)).containsExactly("hooks");
        assertThat(regrouped.get("hooks")).isEqualTo(settings.get("hooks"));
    }

    @Test
    void changingOneHookLeavesTheRestOfTheFileAlone() {
        // given
        ObjectNode settings = fixture(PROJECT);
        List<HookEntry> hooks = new ArrayList<>(SettingsFile.hooks(settings));
        HookEntry validate = hooks.get(0);
        hooks.set(
                0,
                new HookEntry(
                        validate.event(),
                        validate.matcher(),
                        validate.type(),
                        validate.command(),
                        validate.url(),
                        120,
                        validate.other()));

        // when
        ObjectNode changed = SettingsFile.withHooks(settings, hooks);

        // then
        assertThat(SettingsFile.render(changed))
                .isEqualTo(read(PROJECT)
                        .replace(
                                "validate.sh\",\n            \"timeout\": 30",
                                "validate.sh\",\n            \"timeout\": 120"));
    }

    @Test
    void addsAHookToANewEventAndDropsEventsWithoutHooks() {
        // given
        ObjectNode settings = fixture(LOCAL);
        HookEntry compact = new HookEntry("PreCompact", "", "command", "./save-notes.sh", null, null, null);

        // when
        ObjectNode changed = SettingsFile.withHooks(settings, List.of(compact));

        // then
        assertThat(keys(changed)).isEqualTo(keys(settings));
        assertThat(changed.get("hooks").toString())
                .isEqualTo("{\"PreCompact\":[{\"hooks\":[{\"type\":\"command\",\"command\":\"./save-notes.sh\"}]}]}");
        assertThat(SettingsFile.withHooks(null, List.of())).isEmpty();
    }

    @Test
    void refusesHooksOfTheWrongShape() {
        assertThatThrownBy(() -> SettingsFile.hooks(SettingsFile.parse(null, "{\"hooks\": {\"Stop\": {}}}")))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("settings.json: hooks.Stop must be an array, found object");
        assertThatThrownBy(() -> SettingsFile.hooks(
                        SettingsFile.parse(null, "{\"hooks\": {\"Stop\": [{\"matcher\": 1, \"hooks\": []}]}}")))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("settings.json: hooks.Stop[0].matcher must be a string, found number 1");
        assertThatThrownBy(() -> SettingsFile.hooks(
                        SettingsFile.parse(null, "{\"hooks\": {\"Stop\": [{\"hooks\": [\"./x.sh\"]}]}}")))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage(
                        "settings.json: hooks.Stop[0].hooks[0] must be an object with a 'type', found string \"./x.sh\"");
    }

    @Test
    void refusesInvalidJsonNamingTheLine() {
        assertThatThrownBy(() ->
                        SettingsFile.parse(".claude/settings.json", "{\n  \"model\": \"opus\",\n  \"env\": \n}\n"))
                .isInstanceOfSatisfying(ClaudeCodeFileInvalid.class, invalid -> assertThat(invalid.line())
                        .isEqualTo(4))
                .hasMessageStartingWith(".claude/settings.json line 4: invalid JSON");
        assertThatThrownBy(() -> SettingsFile.parse(".claude/settings.json", "[]"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage(".claude/settings.json: a settings file must hold one JSON object");
        assertThatThrownBy(() -> SettingsFile.parse(null, "{\"x\": \"" + "y".repeat(256 * 1024) + "\"}"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessageContaining("larger than 256 KiB");
    }
}
