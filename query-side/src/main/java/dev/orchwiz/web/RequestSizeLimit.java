package dev.orchwiz.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps the body of any API request. Every field has its own limit, but those are checked after the body was read
 * into memory; without a cap, one request of hundreds of megabytes could exhaust the node before any check ran.
 * A declared length over the cap is refused at once; a chunked body is counted as it is read.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Thrown while reading a body that grows past the cap; mapped to 413 by {@link ProblemResponses}. */
    static final class TooLarge extends IOException {

        TooLarge(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
        }

        ResponseEntity<Object> problem() {
            return ProblemResponses.problem(
                    HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE", "Request too large", getMessage(), List.of());
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemDetail problem =
                    (ProblemDetail) new TooLarge(maxBytes).problem().getBody();
            // Outside MVC nothing flattens a ProblemDetail's properties (code) the way its converter does: by hand.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            if (problem.getProperties() != null) {
                body.putAll(problem.getProperties());
            }
            response.setStatus(problem.getStatus());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), body);
            return;
        }
        chain.doFilter(new Counted(request, maxBytes), response);
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream raw = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = raw.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = raw.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > maxBytes) {
                            throw new TooLarge(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
