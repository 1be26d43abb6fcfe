package dev.orchwiz.command.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NodeSecretsTest {

    @Test
    void aSecretSetOnlyInTheConfigurationIsMaskedInOutput() {
        // given a gateway token the node reads from a property, not from its environment
        MockEnvironment configuration =
                new MockEnvironment().withProperty("orchwiz.runtime.openclaw.token", "gw-only-configured-51c8");

        // when
        OutputRedaction redaction =
                new OutputRedaction(NodeSecrets.of(Map.of("HOME", "/root"), configuration::getProperty));

        // then
        assertThat(redaction.redact("token: gw-only-configured-51c8 and HOME=/root"))
                .isEqualTo("token: [REDACTED] and HOME=/root");
    }

    @Test
    void theConfiguredValueIsTheOneMaskedWhenTheEnvironmentHasAnother() {
        // given
        MockEnvironment configuration =
                new MockEnvironment().withProperty("orchwiz.runtime.openai.api-key", "configured-key-93be");

        // when
        Map<String, String> secrets =
                NodeSecrets.of(Map.of("OPENAI_API_KEY", "environment-key-11aa"), configuration::getProperty);

        // then
        assertThat(secrets).containsEntry("OPENAI_API_KEY", "configured-key-93be");
        assertThat(new OutputRedaction(secrets).redact("key configured-key-93be"))
                .isEqualTo("key [REDACTED]");
    }

    @Test
    void unsetOrBlankPropertiesLeaveTheEnvironmentAsItIs() {
        MockEnvironment configuration = new MockEnvironment().withProperty("orchwiz.runtime.openclaw.token", " ");

        Map<String, String> secrets =
                NodeSecrets.of(Map.of("OPENCLAW_GATEWAY_TOKEN", "from-the-environment"), configuration::getProperty);

        assertThat(secrets).containsEntry("OPENCLAW_GATEWAY_TOKEN", "from-the-environment");
    }
}
