package dev.orchwiz.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The previous release's tool-call paths still answer, for one more release, and say so: a {@code Deprecation} header
 * (RFC 9745) and a {@code Link} to the path that replaces them, so a client sees the move before the alias goes.
 */
@Component
public class RenamedPaths extends OncePerRequestFilter {

    /** Old prefix → the context's path; each old path keeps its suffix ({@code /api/executions/x/output}). */
    static final Map<String, String> SUCCESSORS = Map.of(
            "/api/executions", "/api/tool-calls",
            "/api/approvals", "/api/tool-calls/approvals");

    /** RFC 9745's form: the moment the old paths were deprecated (2026-12-05, the release that renamed them). */
    static final String DEPRECATED_SINCE = "@1796428800";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        successorOf(request.getRequestURI().substring(request.getContextPath().length()))
                .ifPresent(successor -> {
                    response.setHeader("Deprecation", DEPRECATED_SINCE);
                    response.setHeader("Link", "<" + successor + ">; rel=\"successor-version\"");
                });
        chain.doFilter(request, response);
    }

    /** Whether {@code path} (a request path or an API description's template) is one of the renamed ones. */
    public static boolean isRenamed(String path) {
        return successorOf(path).isPresent();
    }

    /**
     * The path that replaces a renamed one, empty for any other path. {@code POST /api/approvals/{id}} became
     * {@code /api/tool-calls/{id}/decision}; the rest keep their suffix.
     */
    static Optional<String> successorOf(String path) {
        return SUCCESSORS.entrySet().stream()
                .filter(renamed -> path.equals(renamed.getKey()) || path.startsWith(renamed.getKey() + "/"))
                .findFirst()
                .map(renamed -> {
                    String rest = path.substring(renamed.getKey().length());
                    if (renamed.getKey().equals("/api/approvals") && !rest.isEmpty()) {
                        return "/api/tool-calls" + rest + "/decision";
                    }
                    return renamed.getValue() + rest;
                });
    }
}
