package dev.orchwiz.command.execution.sandbox;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Every sandbox test again with {@code ORCHWIZ_SANDBOX=none}: the operator's opt-out must keep its own guarantees. */
@EnabledOnOs(OS.LINUX)
class UnconfinedSandboxTest extends SandboxTest {

    @Override
    Isolation isolation() {
        return Isolation.NONE;
    }
}
