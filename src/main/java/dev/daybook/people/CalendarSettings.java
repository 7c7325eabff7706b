package dev.daybook.people;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.daybook.support.OutboundAddressRule;

/**
 * Holiday calendars and out-of-office feeds ({@code daybook.calendars.*}). Feeds are URLs people type,
 * so public addresses only unless the operator allows more, as for MLflow servers.
 *
 * @param holidaysFile   an iCalendar file of public holidays for every workspace of this deployment
 * @param timeout        how long a feed may take to answer
 * @param refreshEvery   how old the copy of a feed may get before it is fetched again
 */
@ConfigurationProperties("daybook.calendars")
record CalendarSettings(Path holidaysFile, Duration timeout, Duration refreshEvery, Boolean allowPrivateAddresses,
                        Boolean allowLoopback, List<String> allowedHosts) {

    CalendarSettings {
        // Short: a feed is fetched while Slack waits for the command's answer (three seconds at most).
        timeout = timeout == null ? Duration.ofMillis(2000) : timeout;
        refreshEvery = refreshEvery == null ? Duration.ofHours(12) : refreshEvery;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    OutboundAddressRule.Policy policy() {
        return new OutboundAddressRule.Policy(allowPrivateAddresses, allowLoopback, false, Set.copyOf(allowedHosts));
    }
}
