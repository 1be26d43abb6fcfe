package dev.orchwiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignInMethod;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireNamedTest {

    /** A sample of the enums that take the default wire name, and one that overrides it. */
    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(
            Role.class,
            SignInMethod.class,
            SignupPolicy.class,
            TokenScope.class,
            RuleScope.class,
            InteractionType.class,
            SessionMode.class,
            SessionSource.class,
            SessionStatus.class,
            SlashCommandKind.class,
            ToolCallStatus.class,
            HookEventName.class);

    @Test
    void theWireNameIsTheNameJsonUsesForEveryConstant() throws Exception {
        for (Class<? extends Enum<?>> type : ENUMS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                JsonProperty json = type.getField(constant.name()).getAnnotation(JsonProperty.class);
                assertThat(((WireNamed) constant).wireName())
                        .as("%s.%s", type.getSimpleName(), constant.name())
                        .isEqualTo(json.value());
            }
        }
    }

    @Test
    void theDefaultWireNameIsTheConstantInLowerCase() {
        assertThat(SessionMode.AUTO_ACCEPT.wireName()).isEqualTo("auto_accept");
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
    }

    @Test
    void readsBackExactlyTheWireNameAndNothingElse() {
        assertThat(WireNamed.fromWire(SessionMode.class, "auto_accept")).isEqualTo(SessionMode.AUTO_ACCEPT);
        assertThatThrownBy(() -> WireNamed.fromWire(SessionMode.class, "AUTO_ACCEPT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireNamed.fromWire(SessionMode.class, " plan"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WireNamed.wireNames(SessionMode.class)).containsExactly("plan", "auto_accept");
    }
}
