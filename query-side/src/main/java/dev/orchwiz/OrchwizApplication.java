package dev.orchwiz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrchwizApplication {

    public static void main(String[] args) {
        // Axon's update checker calls a host this node must not depend on; opt out unless told otherwise.
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(OrchwizApplication.class, args);
    }
}
