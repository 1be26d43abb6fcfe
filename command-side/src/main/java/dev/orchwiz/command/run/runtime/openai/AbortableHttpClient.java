package dev.orchwiz.command.run.runtime.openai;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One model call's view of the shared HTTP client that can stop the call's stream from outside. LangChain4j hands its
 * streaming handle to the handler only with the first chunk, so a server that sends its headers and then nothing
 * could not be stopped; closing the response body instead ends the reader wherever it waits.
 */
final class AbortableHttpClient implements HttpClient {

    private final HttpClient shared;
    private final AtomicReference<InputStream> body = new AtomicReference<>();
    private volatile boolean aborted;

    AbortableHttpClient(HttpClient shared) {
        this.shared = shared;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return shared.execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        shared.execute(
                request,
                (stream, events) -> {
                    body.set(stream);
                    // abort() may have run before the body existed: it could not close it then, so close it here.
                    if (aborted) {
                        closeQuietly(stream);
                    }
                    parser.parse(stream, events);
                },
                listener);
    }

    /** Stops reading the response, now or as soon as it starts. */
    void abort() {
        aborted = true;
        InputStream stream = body.get();
        if (stream != null) {
            closeQuietly(stream);
        }
    }

    /**
     * What the model builder asks for: this client, whatever timeouts it suggests (the shared client carries the
     * call's timeout already, and the whole call is bounded by the runtime).
     */
    HttpClientBuilder asBuilder() {
        AbortableHttpClient client = this;
        return new HttpClientBuilder() {
            private Duration connectTimeout;
            private Duration readTimeout;

            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                this.connectTimeout = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return readTimeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                this.readTimeout = timeout;
                return this;
            }

            @Override
            public HttpClient build() {
                return client;
            }
        };
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException alreadyBroken) {
            // The point was to stop reading it; a stream that fails to close is stopped too.
        }
    }
}
