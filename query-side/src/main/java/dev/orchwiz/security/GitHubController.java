package dev.orchwiz.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The landing after GitHub's consent screen. The connection's state and unlinking are the identity context's
 * ({@code query.identity}, {@code command.identity}); this page belongs to Spring Security's OAuth flow.
 */
@RestController
class GitHubController {

    /** Spring Security finishes the code exchange on this path, then sends the browser here without the code. */
    @GetMapping("/login/oauth2/code/github")
    ResponseEntity<Void> afterConsent(@RequestParam(name = "error", required = false) String error) {
        String outcome = error == null ? "linked" : "failed";
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/settings?github=" + outcome))
                .build();
    }
}
