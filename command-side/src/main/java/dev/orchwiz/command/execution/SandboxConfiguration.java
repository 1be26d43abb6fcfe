package dev.orchwiz.command.execution;

import dev.orchwiz.command.execution.sandbox.Sandbox;
import dev.orchwiz.command.execution.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the node's one sandbox from its execution settings; the workspace root is created on first start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionProperties.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    Sandbox sandbox(ExecutionProperties properties) {
        try {
            Files.createDirectories(properties.workspaceRoot());
        } catch (IOException unwritable) {
            throw new UncheckedIOException(
                    "cannot create the workspace root " + properties.workspaceRoot(), unwritable);
        }
        SandboxSettings defaults = SandboxSettings.defaults(properties.workspaceRoot(), properties.enabled());
        SandboxSettings settings = new SandboxSettings(
                properties.enabled(),
                properties.workspaceRoot(),
                properties.environmentAllowlist(),
                Map.of("HOME", properties.workspaceRoot().toString()),
                properties.defaultTimeout(),
                properties.maxTimeout(),
                (int) Math.min(Integer.MAX_VALUE, properties.outputCap().toBytes()),
                defaults.chunkBytes(),
                defaults.chunkInterval(),
                defaults.shell());
        log.info(
                "Local command execution is {} (workspace root {})",
                properties.enabled() ? "ON" : "OFF; set ENABLE_LOCAL_COMMAND_EXECUTION=true to run commands",
                properties.workspaceRoot());
        return new Sandbox(settings, System.getenv());
    }
}
