package dev.orchwiz.command.run.runtime.openai;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the OpenAI-compatible runtime sends its calls: a base URL ending before {@code /chat/completions}, the key (none
 * for a local server) and the model used when neither the prompt nor the session names one.
 */
@ConfigurationProperties("orchwiz.runtime.openai")
public record OpenAiProperties(String baseUrl, String apiKey, String model) {

    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public OpenAiProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? OPENAI_BASE_URL : baseUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
    }

    public boolean hasKey() {
        return !apiKey.isEmpty();
    }

    /** Never the key: a record prints every component, and this one may end up in a log or a failure analysis. */
    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasKey() ? "(set)" : "(none)") + ", model="
                + model + "]";
    }
}
