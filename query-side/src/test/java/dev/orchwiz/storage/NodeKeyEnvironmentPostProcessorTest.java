package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class NodeKeyEnvironmentPostProcessorTest {

    @TempDir
    Path home;

    private final NodeKeyEnvironmentPostProcessor processor = new NodeKeyEnvironmentPostProcessor(new DeferredLogs());

    private String keyOf(MockEnvironment environment) {
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(NodeKeyEnvironmentPostProcessor.PROPERTY);
    }

    private MockEnvironment node() {
        return new MockEnvironment().withProperty("orchwiz.home", home.toString());
    }

    @Test
    void generatesAKeyInTheHomeReadableOnlyByTheNodeAndKeepsIt() throws Exception {
        String first = keyOf(node());

        Path keyFile = home.resolve("keys/node.key");
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(Files.readString(keyFile).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(keyOf(node())).isEqualTo(first);
        try (var left = Files.list(home.resolve("keys"))) {
            assertThat(left).containsExactly(keyFile);
        }
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);

        String key = keyOf(node().withProperty("orchwiz.encryption-key", configured));

        assertThat(key).isEqualTo(configured);
        assertThat(home.resolve("keys")).doesNotExist();
    }

    @Test
    void aConfiguredButEmptyKeyMeansTheNodesOwn() {
        String key = keyOf(node().withProperty("orchwiz.encryption-key", ""));

        assertThat(key).isNotBlank();
        assertThat(home.resolve("keys/node.key")).exists();
    }

    @Test
    void refusesToStartWithAKeyFileItCannotUseInsteadOfReplacingIt() throws Exception {
        Path keyFile = Files.createDirectories(home.resolve("keys")).resolve("node.key");
        Files.writeString(keyFile, "not a key");

        assertThatThrownBy(() -> keyOf(node()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("ORCHWIZ_ENCRYPTION_KEY");
        assertThat(Files.readString(keyFile)).isEqualTo("not a key");

        // unreadable (a directory cannot be read as a file, even by root)
        Files.delete(keyFile);
        Files.createDirectory(keyFile);
        assertThatThrownBy(() -> keyOf(node()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
    }
}
