package dev.orchwiz.security;

import dev.orchwiz.api.identity.event.GitHubUnlinked;
import dev.orchwiz.api.identity.event.PasskeyRemoved;
import dev.orchwiz.api.identity.event.UserSignedOutEverywhere;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The user aggregate decides that access ends (all sessions, a passkey, the GitHub link); what sign-in keeps beside it
 * in Spring's own tables is forgotten here. Subscribing: it runs in the deciding command's transaction, so the
 * command side's endpoint answers only once the sessions, the passkey or the token are gone.
 */
@Component
@ProcessingGroup(WhenAccessEndsThenForgetIt.PROCESSING_GROUP)
class WhenAccessEndsThenForgetIt {

    static final String PROCESSING_GROUP = "sign-in-state";

    private final FindByIndexNameSessionRepository<?> sessions;
    private final RecordingUserCredentialRepository credentials;
    private final ObjectProvider<GitHubLinking> linking;

    WhenAccessEndsThenForgetIt(
            FindByIndexNameSessionRepository<?> sessions,
            RecordingUserCredentialRepository credentials,
            ObjectProvider<GitHubLinking> linking) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.linking = linking;
    }

    /**
     * The raised epoch ends any session at its next request; deleting the stored ones ends them now, remembered ones
     * included, and leaves no session data of this account behind.
     */
    @EventHandler
    void on(UserSignedOutEverywhere event) {
        sessions.findByPrincipalName(event.userId().value()).keySet().forEach(sessions::deleteById);
    }

    @EventHandler
    void on(PasskeyRemoved event) {
        credentials.deleteDecided(Bytes.fromBase64(event.credentialId()));
    }

    /** Only a node with a GitHub app keeps GitHub tokens. */
    @EventHandler
    void on(GitHubUnlinked event) {
        linking.ifAvailable(links -> links.forget(event.userId().value()));
    }
}
