package dev.orchwiz.command.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.permission.RuleScope;
import org.junit.jupiter.api.Test;

class RuleSourceTest {

    @Test
    void listsSourcesNarrowestFirstUnderLowerCaseWireNames() {
        assertThat(RuleSource.values())
                .containsExactly(
                        RuleSource.SESSION, RuleSource.SUBAGENT, RuleSource.POLICY, RuleSource.USER, RuleSource.GLOBAL);
        assertThat(WireNamed.wireNames(RuleSource.class))
                .containsExactly("session", "subagent", "policy", "user", "global");
    }

    @Test
    void mapsEveryRuleScopeToTheSourceOfTheSameName() {
        for (RuleScope scope : RuleScope.values()) {
            assertThat(RuleSource.of(scope).wireName()).isEqualTo(scope.wireName());
        }
    }
}
