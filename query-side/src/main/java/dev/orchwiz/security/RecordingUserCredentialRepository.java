package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.command.RecordPasskeyAdded;
import dev.orchwiz.api.identity.command.RemovePasskey;
import dev.orchwiz.api.identity.query.Account;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Spring Security keeps passkeys in its own table; this wrapper makes adding and removing one a recorded decision of
 * the user aggregate (which also guards the last passkey), so audits see them in the event store.
 */
public class RecordingUserCredentialRepository implements UserCredentialRepository {

    private final UserCredentialRepository delegate;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final AccountLookup accounts;
    private final CommandGateway commands;

    RecordingUserCredentialRepository(
            UserCredentialRepository delegate,
            PublicKeyCredentialUserEntityRepository userEntities,
            AccountLookup accounts,
            CommandGateway commands) {
        this.delegate = delegate;
        this.userEntities = userEntities;
        this.accounts = accounts;
        this.commands = commands;
    }

    @Override
    public void save(CredentialRecord record) {
        boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
        delegate.save(record);
        if (added) {
            owner(record.getUserEntityUserId())
                    .ifPresent(account -> commands.sendAndWait(
                            new RecordPasskeyAdded(
                                    UserId.of(account.id()),
                                    record.getCredentialId().toBase64UrlString(),
                                    record.getLabel()),
                            30,
                            TimeUnit.SECONDS));
        }
    }

    /** A removal through Spring Security's own endpoint: the owner decides, and the last passkey is refused. */
    @Override
    public void delete(Bytes credentialId) {
        CredentialRecord record = delegate.findByCredentialId(credentialId);
        if (record == null) {
            return;
        }
        owner(record.getUserEntityUserId())
                .ifPresent(account -> commands.sendAndWait(
                        new RemovePasskey(
                                UserId.of(account.id()),
                                ActingUser.forSession(account).actor(),
                                credentialId.toBase64UrlString(),
                                false),
                        30,
                        TimeUnit.SECONDS));
        delegate.delete(credentialId);
    }

    /**
     * Deletes after the aggregate already decided: on its {@code PasskeyRemoved}, whichever endpoint asked (ours may
     * carry the user's confirmation).
     */
    void deleteDecided(Bytes credentialId) {
        delegate.delete(credentialId);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return delegate.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return delegate.findByUserId(userId);
    }

    public List<CredentialRecord> findByEmail(String email) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(email);
        return entity == null ? List.of() : delegate.findByUserId(entity.getId());
    }

    private Optional<Account> owner(Bytes userEntityId) {
        PublicKeyCredentialUserEntity entity = userEntities.findById(userEntityId);
        return entity == null ? Optional.empty() : accounts.byEmail(entity.getName());
    }
}
