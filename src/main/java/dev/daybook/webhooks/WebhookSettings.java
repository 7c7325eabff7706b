package dev.daybook.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.daybook.support.OutboundAddressRule;

/**
 * Where webhooks may point and how hard Daybook tries. Public addresses only by default, as for
 * tracking servers: a URL anyone who leads a project can type must not make Daybook call its own
 * machine, the office network or a cloud metadata service.
 *
 * @param timeout      how long one delivery may take, connecting included
 * @param maxAttempts  attempts before a delivery is given up (the webhook stays on)
 * @param firstBackoff the wait after the first failure; doubled after each further one, at most an hour
 */
@ConfigurationProperties("daybook.webhooks")
record WebhookSettings(Boolean allowPrivateAddresses, Boolean allowLoopback, Boolean allowLinkLocal,
                       List<String> allowedHosts, Duration timeout, Integer maxAttempts, Duration firstBackoff) {

    WebhookSettings {
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        allowLoopback = allowLoopback != null && allowLoopback;
        allowLinkLocal = allowLinkLocal != null && allowLinkLocal;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxAttempts = maxAttempts == null ? 8 : Math.max(1, maxAttempts);
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
    }

    OutboundAddressRule.Policy policy() {
        return new OutboundAddressRule.Policy(allowPrivateAddresses, allowLoopback, allowLinkLocal, Set.copyOf(allowedHosts));
    }

    /** The wait before attempt {@code attempts + 1}: doubling from {@link #firstBackoff}, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
