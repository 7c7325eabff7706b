package dev.daybook.runs;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.daybook.support.OutboundAddressRule;

/**
 * Which MLflow tracking-server addresses a project may set and Daybook will call. Public addresses
 * only, by default: an address anyone in a channel can type must not make Daybook call its own
 * machine, the office network or a cloud metadata service.
 *
 * @param allowPrivateAddresses allow {@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code 100.64/10}, {@code fc00::/7}
 * @param allowLoopback         allow {@code 127.0.0.0/8}, {@code ::1} and {@code localhost}
 * @param allowLinkLocal        allow {@code 169.254/16} and {@code fe80::/10} (where cloud metadata services live)
 * @param allowedHosts          host names (or addresses) allowed whatever they resolve to: a self-hosted
 *                              MLflow on the LAN, like {@code mlflow.office.lan}
 */
@ConfigurationProperties("daybook.runs.tracking-servers")
record TrackingServerSettings(Boolean allowPrivateAddresses, Boolean allowLoopback, Boolean allowLinkLocal,
                              List<String> allowedHosts) {

    TrackingServerSettings {
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        allowLoopback = allowLoopback != null && allowLoopback;
        allowLinkLocal = allowLinkLocal != null && allowLinkLocal;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    OutboundAddressRule.Policy policy() {
        return new OutboundAddressRule.Policy(allowPrivateAddresses, allowLoopback, allowLinkLocal, Set.copyOf(allowedHosts));
    }
}
