package dev.orchwiz.security;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A software passkey (webauthn4j-test's packed authenticator) that speaks the JSON Spring Security's endpoints use,
 * the way a browser's navigator.credentials does.
 */
final class PasskeyEmulator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final ClientPlatform platform;

    PasskeyEmulator(String origin) {
        this.platform =
                new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(new PackedAuthenticator()));
    }

    /** Answers {@code /webauthn/register/options} with the body {@code /webauthn/register} expects. */
    String register(String optionsJson, String label) {
        JsonNode options = JSON.readTree(optionsJson);
        List<PublicKeyCredentialParameters> algorithms = new ArrayList<>();
        for (JsonNode parameter : options.get("pubKeyCredParams")) {
            algorithms.add(new PublicKeyCredentialParameters(
                    PublicKeyCredentialType.PUBLIC_KEY,
                    COSEAlgorithmIdentifier.create(parameter.get("alg").asLong())));
        }
        JsonNode user = options.get("user");
        PublicKeyCredentialCreationOptions creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(
                        options.get("rp").get("id").asString(),
                        options.get("rp").get("name").asString()),
                new PublicKeyCredentialUserEntity(
                        DECODE.decode(user.get("id").asString()),
                        user.get("name").asString(),
                        user.get("displayName").asString()),
                new DefaultChallenge(DECODE.decode(options.get("challenge").asString())),
                algorithms,
                options.path("timeout").asLong(60_000),
                List.of(),
                new AuthenticatorSelectionCriteria(
                        null, ResidentKeyRequirement.REQUIRED, UserVerificationRequirement.REQUIRED),
                AttestationConveyancePreference.NONE,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = platform.create(creation);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "attestationObject",
                ENCODE.encodeToString(credential.getResponse().getAttestationObject()));
        response.put(
                "clientDataJSON", ENCODE.encodeToString(credential.getResponse().getClientDataJSON()));
        response.put("transports", List.of("internal"));
        Map<String, Object> publicKey = Map.of(
                "credential",
                Map.of(
                        "id",
                        ENCODE.encodeToString(credential.getRawId()),
                        "rawId",
                        ENCODE.encodeToString(credential.getRawId()),
                        "response",
                        response,
                        "type",
                        "public-key",
                        "clientExtensionResults",
                        Map.of(),
                        "authenticatorAttachment",
                        "platform"),
                "label",
                label);
        return JSON.writeValueAsString(Map.of("publicKey", publicKey));
    }

    /** Answers {@code /webauthn/authenticate/options} with the body {@code /login/webauthn} expects. */
    String authenticate(String optionsJson) {
        JsonNode options = JSON.readTree(optionsJson);
        PublicKeyCredentialRequestOptions request = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(DECODE.decode(options.get("challenge").asString())),
                options.path("timeout").asLong(60_000),
                options.get("rpId").asString(),
                null,
                UserVerificationRequirement.REQUIRED,
                null);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential = platform.get(request);
        AuthenticatorAssertionResponse assertion = credential.getResponse();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("authenticatorData", ENCODE.encodeToString(assertion.getAuthenticatorData()));
        response.put("clientDataJSON", ENCODE.encodeToString(assertion.getClientDataJSON()));
        response.put("signature", ENCODE.encodeToString(assertion.getSignature()));
        response.put(
                "userHandle",
                assertion.getUserHandle() == null ? null : ENCODE.encodeToString(assertion.getUserHandle()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ENCODE.encodeToString(credential.getRawId()));
        body.put("rawId", ENCODE.encodeToString(credential.getRawId()));
        body.put("response", response);
        body.put("clientExtensionResults", Map.of());
        body.put("authenticatorAttachment", "platform");
        body.put("type", "public-key");
        return JSON.writeValueAsString(body);
    }
}
