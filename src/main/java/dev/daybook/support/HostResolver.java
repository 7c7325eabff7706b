package dev.daybook.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses to connect to. One seam for every outgoing call to an address
 * a person gave, so that the addresses checked ({@link OutboundAddressRule}) are the addresses used.
 */
public interface HostResolver {

    List<InetAddress> addresses(String host) throws UnknownHostException;
}
