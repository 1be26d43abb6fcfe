package dev.orchwiz.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        SUCCESSORS.forEach((old, successor) -> {
            if (path.equals(old) || path.startsWith(old + "/")) {
                response.setHeader("Deprecation", DEPRECATED_SINCE);
                response.setHeader("Link", "<" + successor(path, old, successor) + ">; rel=\"successor-version\"");
            }
        });
        chain.doFilter(request, response);
    }

    /** Whether {@code path} (a request path or an API description's template) is one of the renamed ones. */
    public static boolean isRenamed(String path) {
        return SUCCESSORS.keySet().stream().anyMatch(old -> path.equals(old) || path.startsWith(old + "/"));
    }

    /** {@code POST /api/approvals/{id}} became {@code /api/tool-calls/{id}/decision}; the rest keep their suffix. */
    static String successor(String path, String old, String successor) {
        String rest = path.substring(old.length());
        if (old.equals("/api/approvals") && !rest.isEmpty()) {
            return "/api/tool-calls" + rest + "/decision";
        }
        return successor + rest;
    }
}
