package dev.daybook.support;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's one check of the text it is sent, before any controller sees it: a path, a query
 * parameter, or a JSON field name or string with a NUL character, a lone surrogate or another control
 * character is refused with 400 and says which ({@link StorableText#problem}); PostgreSQL could not
 * store it, and H2 would store something else. A body over 1 MiB is refused with 413.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiInputFilter extends OncePerRequestFilter {

    static final int LONGEST_BODY = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The path as the controllers are chosen by (decoded, without ';' parameters): the raw URI
        // would let /%61pi/... past this check and on to them.
        String pathInfo = request.getPathInfo();
        return !(request.getServletPath() + (pathInfo == null ? "" : pathInfo)).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problemInPath(request.getRequestURI()).or(() -> problemInQuery(request.getQueryString()));
        if (problem.isPresent()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(LONGEST_BODY + 1);
        if (body.length > LONGEST_BODY) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + (LONGEST_BODY >> 20) + " MiB.");
            return;
        }
        problem = problemInBody(body);
        if (problem.isPresent()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        chain.doFilter(BodyReadAgain.asDeclared(request, body), response);
    }

    static Optional<String> problemInPath(String path) {
        try {
            return StorableText.problem(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .map(p -> "The path " + p + ".");
        } catch (IllegalArgumentException e) {
            return Optional.of("The path is not well formed.");
        }
    }

    static Optional<String> problemInQuery(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                Optional<String> problem = StorableText.problem(name).or(() -> StorableText.problem(value));
                if (problem.isPresent()) {
                    return Optional.of("The parameter '" + shorten(name) + "' " + problem.get() + ".");
                }
            } catch (IllegalArgumentException e) {
                return Optional.of("The query string is not well formed.");
            }
        }
        return Optional.empty();
    }

    /** A JSON body's field names and strings; a body that is not JSON is left to the controller to refuse. */
    static Optional<String> problemInBody(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        return problemIn(root, "");
    }

    private static Optional<String> problemIn(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isString()) {
            return StorableText.problem(node.asString()).map(p -> "'" + (path.isEmpty() ? "body" : path) + "' " + p + ".");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<String> problem = StorableText.problem(field.getKey())
                        .map(p -> "A field name in '" + shorten(path.isEmpty() ? "body" : path) + "' " + p + ".")
                        .or(() -> problemIn(field.getValue(), shorten(at)));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                Optional<String> problem = problemIn(element, path + "[" + i++ + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        String visible = StorableText.of(text);
        return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
    }

    private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(Map.of(
                "title", status == 413 ? "Content Too Large" : "Bad Request", "status", status, "detail", detail)));
    }
}
