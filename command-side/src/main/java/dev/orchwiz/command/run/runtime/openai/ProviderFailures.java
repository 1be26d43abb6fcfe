package dev.orchwiz.command.run.runtime.openai;

import dev.langchain4j.exception.HttpException;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Says in a sentence why the server gave no turn, without ever repeating the key. Provider error bodies can quote the
 * key back (OpenAI's "Incorrect API key provided: …" does, partly masked; a proxy may not mask at all), so every text
 * from outside is redacted, and the library's exception is not kept as the cause because its message is that body.
 */
final class ProviderFailures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DETAIL_LIMIT = 300;
    private static final Pattern KEY_LIKE =
            Pattern.compile("(sk-[A-Za-z0-9_\\-*]{6,}|(?i:bearer)\\s+[A-Za-z0-9._~+/=\\-]{8,})");
    private static final String REDACTED = "[redacted]";

    private final String endpoint;
    private final String apiKey;

    ProviderFailures(String baseUrl, String apiKey) {
        this.endpoint = endpoint(baseUrl);
        this.apiKey = apiKey;
    }

    RuntimeFailure timedOut(Duration timeout, boolean nothingStreamed) {
        return new RuntimeFailure(
                RunFailure.RUNTIME_TIMEOUT,
                "The OpenAI-compatible server at " + endpoint + " did not finish its answer within " + timeout,
                nothingStreamed);
    }

    RuntimeFailure badResponse(String what, boolean nothingStreamed) {
        return new RuntimeFailure(
                RunFailure.RUNTIME_BAD_RESPONSE,
                "The OpenAI-compatible server at " + endpoint + " " + what,
                nothingStreamed);
    }

    /** The failure a LangChain4j error stands for: refused, unreachable, too slow or unreadable. */
    RuntimeFailure of(Throwable error, boolean nothingStreamed) {
        HttpException http = find(error, HttpException.class);
        if (http != null) {
            int status = http.statusCode();
            return new RuntimeFailure(
                    RunFailure.RUNTIME_UNAVAILABLE,
                    "The OpenAI-compatible server at " + endpoint + " answered HTTP " + status + " (" + meaning(status)
                            + ")" + detail(http.getMessage()),
                    nothingStreamed);
        }
        if (find(error, HttpTimeoutException.class) != null
                || find(error, dev.langchain4j.exception.TimeoutException.class) != null) {
            return new RuntimeFailure(
                    RunFailure.RUNTIME_TIMEOUT,
                    "The OpenAI-compatible server at " + endpoint + " did not answer in time",
                    nothingStreamed);
        }
        if (find(error, com.fasterxml.jackson.core.JacksonException.class) != null
                || find(error, tools.jackson.core.JacksonException.class) != null) {
            return badResponse("sent a chunk that is not valid JSON" + detail(rootMessage(error)), nothingStreamed);
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            return new RuntimeFailure(
                    RunFailure.RUNTIME_UNAVAILABLE,
                    "The OpenAI-compatible server at " + endpoint + " could not be reached or dropped the connection ("
                            + io.getClass().getSimpleName() + ")" + detail(io.getMessage()),
                    nothingStreamed);
        }
        return new RuntimeFailure(
                RunFailure.ERROR,
                "The call to the OpenAI-compatible server at " + endpoint + " failed ("
                        + error.getClass().getSimpleName() + ")" + detail(error.getMessage()),
                nothingStreamed);
    }

    private static String meaning(int status) {
        if (status == 401 || status == 403) {
            return "the key was refused";
        }
        if (status == 404) {
            return "no such model or path";
        }
        if (status == 429) {
            return "rate limited or out of quota";
        }
        if (status >= 500) {
            return "the server failed";
        }
        return "the request was refused";
    }

    /** The provider's own message when it sent OpenAI's error shape, else the start of its body; redacted. */
    private String detail(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String message = text.strip();
        try {
            JsonNode body = JSON.readTree(message);
            JsonNode inner = body.path("error").path("message");
            if (inner.isString() && !inner.asString().isBlank()) {
                message = inner.asString();
            }
        } catch (RuntimeException notJson) {
            // Not OpenAI's error shape (an HTML page from a proxy, plain text): the text itself is the detail.
        }
        message = redact(message).replaceAll("\\s+", " ");
        if (message.length() > DETAIL_LIMIT) {
            message = message.substring(0, DETAIL_LIMIT) + "…";
        }
        return ": " + message;
    }

    String redact(String text) {
        String redacted = apiKey.isEmpty() ? text : text.replace(apiKey, REDACTED);
        return KEY_LIKE.matcher(redacted).replaceAll(REDACTED);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable at = error; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }

    /** The base URL as a reader may see it: no user info, no query (either could carry a credential). */
    private static String endpoint(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getPath() == null ? "" : uri.getPath();
            return uri.getScheme() + "://" + uri.getHost() + port + path;
        } catch (IllegalArgumentException unparsable) {
            return "(an unparsable base URL)";
        }
    }
}
