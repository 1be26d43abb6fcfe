package dev.orchwiz.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Launches the machine's Chromium (never a downloaded browser). Where none is installed the browser tests are skipped,
 * unless {@code ORCHWIZ_REQUIRE_BROWSER=true} (CI sets it), which turns a missing browser into a failure.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("ORCHWIZ_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {}

    static Playwright playwright() {
        boolean required = "true".equalsIgnoreCase(System.getenv("ORCHWIZ_REQUIRE_BROWSER"));
        if (required && !Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("ORCHWIZ_REQUIRE_BROWSER is set but no Chromium at " + EXECUTABLE
                    + "; install it with: apt-get install -y chromium");
        }
        assumeTrue(Files.isExecutable(EXECUTABLE), "no Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }
}
