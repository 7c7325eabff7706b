package dev.daybook.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Daybook's bearer tokens are opaque: the admin token ({@code DAYBOOK_API_TOKEN}), compared in constant
 * time, or a project token, looked up by its hash on every request so that revoking one takes effect
 * at once ({@link ApiTokens}).
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenIntrospector.class);
    /** RFC 6750's b64token: what a bearer token may be made of, and all the framework reads. */
    private static final String BEARER_TOKEN = "[A-Za-z0-9\\-._~+/]+=*";

    private final ApiSettings settings;
    private final ApiTokens tokens;

    ApiTokenIntrospector(ApiSettings settings, ApiTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
        if (settings.tokenConfigured() && !settings.token().matches(BEARER_TOKEN)) {
            log.warn("DAYBOOK_API_TOKEN holds characters a bearer token cannot carry (only letters, digits and -._~+/"
                    + " are allowed): requests with it are refused. Make a new one, for instance with 'openssl rand -hex 32'.");
        }
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (settings.tokenConfigured() && constantTimeEquals(token, settings.token())) {
            return new Caller(new ApiCaller(null));
        }
        return tokens.caller(token).map(Caller::new)
                .orElseThrow(() -> new BadOpaqueTokenException("That API token is not valid."));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The authenticated principal: who is calling, and nothing of the token itself. */
    record Caller(ApiCaller caller) implements OAuth2AuthenticatedPrincipal {

        @Override
        public Map<String, Object> getAttributes() {
            return caller.isAdmin() ? Map.of() : Map.of("team_id", caller.teamId(), "project_id", caller.projectId());
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of(new SimpleGrantedAuthority(caller.isAdmin() ? "ROLE_ADMIN" : "ROLE_PROJECT"));
        }

        @Override
        public String getName() {
            return caller.isAdmin() ? "admin" : "project:" + caller.projectId();
        }
    }
}
