package dev.daybook.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.daybook.support.HostResolver;

/**
 * Host names in tests: the system's answers, unless a test pins a name to addresses of its choice,
 * as a DNS server that changes its answers between two lookups would.
 */
public final class PinnedHostResolver implements HostResolver {

    private final Map<String, List<InetAddress>> pinned = new ConcurrentHashMap<>();

    public void pin(String host, String... addresses) {
        try {
            InetAddress[] parsed = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                parsed[i] = InetAddress.getByName(addresses[i]);
            }
            pinned.put(host, List.of(parsed));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void unpin(String host) {
        pinned.remove(host);
    }

    @Override
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        List<InetAddress> found = pinned.get(host);
        return found != null ? found : List.of(InetAddress.getAllByName(host));
    }
}
