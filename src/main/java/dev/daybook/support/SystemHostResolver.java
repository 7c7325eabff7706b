package dev.daybook.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.stereotype.Component;

/** The operating system's resolver (and the JVM's short cache of its answers). */
@Component
class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
