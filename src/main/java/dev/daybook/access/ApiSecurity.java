package dev.daybook.access;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what over HTTP, in Spring Security: everything needs a bearer token (the deployment's
 * admin token or a project token, {@link ApiTokenIntrospector}) except what is listed here as open.
 * Denying by default, and matching on the path as Spring MVC will route it (decoded, without path
 * parameters), means a path written another way ({@code /%61pi/…}, {@code /API/…}) never reaches a
 * controller unauthenticated; the framework's firewall refuses paths that are not written plainly
 * ({@code ;}, {@code //}, encoded slashes and dots, {@code ..}) before anything else runs.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain daybookSecurity(HttpSecurity http, ApiTokenIntrospector introspector) throws Exception {
        AuthenticationEntryPoint entryPoint = new ProblemEntryPoint();
        http.authorizeHttpRequests(requests -> requests
                        // Error pages of requests already let through (their own rules applied).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Slack signs its requests (SlackSignatureFilter); OAuth has its single-use state.
                        .requestMatchers("/slack/events", "/slack/install", "/slack/oauth_redirect").permitAll()
                        // A summary's page opens with the unguessable token in its link.
                        .requestMatchers("/digests", "/digests/", "/digests/*").permitAll()
                        // For load balancers and Prometheus, as before.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/favicon.ico", "/error").permitAll()
                        // A backup writes to the server's disk: the deployment's admin token only.
                        .requestMatchers("/actuator/backup").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                // Tokens in a header, no cookies: nothing for CSRF to ride on, and no session to keep.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterAfter(new CallerAttribute(), AuthorizationFilter.class);
        return http.build();
    }

    /** The firewall's refusal as a problem document that says what was wrong, instead of a bare 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> problem(response, HttpStatus.BAD_REQUEST,
                "The request was refused: its path is not written plainly (no ';', '//', '\\\\', encoded '/', '.' or '%',"
                        + " no '.' or '..' segments), or a header holds a control character.");
    }

    /**
     * The framework's answer to a missing or bad token (status, and {@code WWW-Authenticate} as RFC 6750
     * says), with a problem document that says what to send.
     */
    static final class ProblemEntryPoint implements AuthenticationEntryPoint {

        private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

        ProblemEntryPoint() {
            bearer.setRealmName("daybook");
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                throws IOException {
            bearer.commence(request, response, failure);
            String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
            String detail = switch (code) {
                case BearerTokenErrorCodes.INVALID_TOKEN -> "That API token is not valid.";
                case BearerTokenErrorCodes.INVALID_REQUEST ->
                        "The Authorization header is not well formed: send 'Authorization: Bearer <token>', the token as issued.";
                default -> "Send the API token as 'Authorization: Bearer <token>'.";
            };
            problem(response, HttpStatus.valueOf(response.getStatus()), detail);
        }
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(
                Map.of("title", status.getReasonPhrase(), "status", status.value(), "detail", detail)));
    }

    /**
     * Hands the authenticated caller to the controllers, which read it as a request attribute
     * ({@link ApiCaller#ATTRIBUTE}) and so need nothing of Spring Security.
     */
    static final class CallerAttribute extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof ApiTokenIntrospector.Caller caller) {
                request.setAttribute(ApiCaller.ATTRIBUTE, caller.caller());
            }
            chain.doFilter(request, response);
        }
    }
}
