package dev.daybook.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param token the deployment-wide API token ({@code DAYBOOK_API_TOKEN}); blank disables it */
@ConfigurationProperties("daybook.api")
record ApiSettings(String token) {

    boolean tokenConfigured() {
        return token != null && !token.isBlank();
    }
}
