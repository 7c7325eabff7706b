package dev.daybook.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/**}: a request needs {@code Authorization: Bearer <token>}, either the
 * deployment-wide token or a project's token ({@link ApiTokens}).
 */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiSettings settings;
    private final ApiTokens tokens;

    ApiTokenFilter(ApiSettings settings, ApiTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            refuse(response, "Send the API token as 'Authorization: Bearer <token>'.");
            return;
        }
        String presented = header.substring(PREFIX.length()).strip();
        if (settings.tokenConfigured() && constantTimeEquals(presented, settings.token())) {
            request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(null));
            chain.doFilter(request, response);
            return;
        }
        var projectCaller = tokens.caller(presented);
        if (projectCaller.isPresent()) {
            request.setAttribute(ApiCaller.ATTRIBUTE, projectCaller.get());
            chain.doFilter(request, response);
            return;
        }
        refuse(response, "That API token is not valid.");
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"daybook\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
