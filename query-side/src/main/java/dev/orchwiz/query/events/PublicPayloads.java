package dev.orchwiz.query.events;

import dev.orchwiz.api.Credential;
import dev.orchwiz.api.CredentialFields;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event's payload as it may leave the node: the stored JSON without the fields its class marks {@link Credential}.
 * Applied where raw events are read, so the stream, the trail and whatever reads them next all see the same public
 * form.
 */
final class PublicPayloads {

    private static final Map<String, Set<String>> CREDENTIAL_FIELDS = new ConcurrentHashMap<>();

    private final ObjectMapper json;

    PublicPayloads(ObjectMapper json) {
        this.json = json;
    }

    String of(String payloadType, String payloadJson) {
        Set<String> hidden = CREDENTIAL_FIELDS.computeIfAbsent(payloadType, PublicPayloads::credentialFields);
        if (hidden.isEmpty()) {
            return payloadJson;
        }
        JsonNode payload = json.readTree(payloadJson);
        if (!(payload instanceof ObjectNode object)) {
            return payloadJson;
        }
        object.remove(hidden);
        return json.writeValueAsString(object);
    }

    private static Set<String> credentialFields(String payloadType) {
        try {
            return CredentialFields.of(Class.forName(payloadType, false, PublicPayloads.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError unknown) {
            // An event whose class this node does not have (renamed, or newer than the node): its fields are unknown
            // here, so none can be known to be credentials. Event classes live in the api, which marks them.
            return Set.of();
        }
    }
}
