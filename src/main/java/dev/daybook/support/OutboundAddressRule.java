package dev.daybook.support;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which addresses Daybook may call when a person gives it one (a project's MLflow server; any
 * outgoing URL a user can set). Plain Java with no I/O: the caller resolves names and asks again
 * about each address it got, when it saves the address and again each time it calls, since a name
 * can point somewhere else by then.
 *
 * <ul>
 *   <li>{@code https} or {@code http}, an absolute URL with a host; no credentials in it
 *       ({@code user:pass@host}), no query, no fragment; a port from 1 to 65535.</li>
 *   <li>A host is a name or an address written as four decimal numbers ({@code 203.0.113.7}) or in
 *       brackets for IPv6. Other ways of writing a number ({@code 2130706433}, {@code 0177.0.0.1},
 *       {@code 0x7f.1}, {@code 127.1}) are refused, since resolvers read them differently.</li>
 *   <li>Loopback ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}), private ({@code 10/8},
 *       {@code 172.16/12}, {@code 192.168/16}, {@code 100.64/10}, {@code fc00::/7}) and link-local
 *       ({@code 169.254/16}, {@code fe80::/10}: cloud metadata lives there) addresses are refused
 *       unless the policy allows each kind; IPv6 addresses that carry an IPv4 address (mapped,
 *       compatible, NAT64, 6to4) are judged by that address.</li>
 *   <li>Never: the unspecified address ({@code 0.0.0.0}, {@code ::}), multicast, broadcast and
 *       reserved ranges, and cloud metadata host names ({@code metadata.google.internal}).</li>
 *   <li>Hosts the operator lists ({@link Policy#allowedHosts()}) skip the range checks: a self-hosted
 *       MLflow on the office network.</li>
 * </ul>
 */
public final class OutboundAddressRule {

    /** What the operator allows beyond public addresses. */
    public record Policy(boolean allowPrivate, boolean allowLoopback, boolean allowLinkLocal, Set<String> allowedHosts) {

        public static final Policy PUBLIC_ONLY = new Policy(false, false, false, Set.of());

        public Policy {
            allowedHosts = allowedHosts == null ? Set.of() : allowedHosts.stream()
                    .map(OutboundAddressRule::listedForm).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }

        /** Whether the operator listed this host (as written in a URL) by name. */
        public boolean listed(String host) {
            return allowedHosts.contains(listedForm(host));
        }
    }

    private static final int LONGEST_URL = 500;
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?:0x[0-9a-f]*|[0-9]+)");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.com", "metadata.tencentyun.com");

    private OutboundAddressRule() {
    }

    /**
     * What is wrong with a URL as an address to call, in words for the person who typed it; empty when
     * nothing is (its name may still resolve to an address {@link #problemWithAddress} refuses).
     */
    public static Optional<String> problemWithUrl(String url, Policy policy) {
        if (url == null || url.isBlank()) {
            return Optional.of("Give the server's address, like https://mlflow.example.com.");
        }
        if (url.length() > LONGEST_URL || !url.strip().equals(url) || url.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.of("Use the server's address, like https://mlflow.example.com (no spaces).");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Use the server's address, like https://mlflow.example.com.");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.isOpaque()) {
            return Optional.of("The address must start with https:// (or http://), like https://mlflow.example.com.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("Leave names and passwords out of the address; put the token in the token field.");
        }
        if (uri.getRawFragment() != null || uri.getRawQuery() != null) {
            return Optional.of("Give only the server's address, without ?… or #…, like https://mlflow.example.com.");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI reads "0x7f.1" or "127.1" as no host at all: say what is wrong with what was written
            String written = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
            return Optional.of(problemWithHost(written, policy)
                    .orElse("Use the server's address, like https://mlflow.example.com."));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || (uri.getPort() < 0 && uri.getRawAuthority().endsWith(":"))) {
            return Optional.of("The port must be a number from 1 to 65535.");
        }
        return problemWithHost(host, policy);
    }

    /** Checks the host part of a URL (a name, a dotted quad, or an IPv6 address in brackets). */
    public static Optional<String> problemWithHost(String host, Policy policy) {
        String name = normalise(host);
        if (name.isEmpty()) {
            return Optional.of("Use the server's address, like https://mlflow.example.com.");
        }
        if (policy.listed(name)) {
            return Optional.empty();
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            return literal(name.substring(1, name.length() - 1), policy);
        }
        if (!HOST_NAME.matcher(name).matches()) {
            return Optional.of("That is not a host name Daybook can call; use one like mlflow.example.com.");
        }
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            return DOTTED_QUAD.matcher(name).matches() ? literal(name, policy)
                    : Optional.of("Write an IP address as four numbers, like 203.0.113.7, or use the server's name.");
        }
        if (METADATA_NAMES.contains(name)) {
            return Optional.of(refusal(Kind.NEVER));
        }
        if ((name.equals("localhost") || name.endsWith(".localhost")) && !policy.allowLoopback()) {
            return Optional.of(refusal(Kind.LOOPBACK));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with calling this address, which {@code host} resolved to; empty when it may be
     * called. A host the operator listed may resolve anywhere.
     */
    public static Optional<String> problemWithAddress(String host, InetAddress address, Policy policy) {
        if (host != null && policy.listed(host)) {
            return Optional.empty();
        }
        Kind kind = kind(address);
        return allowed(kind, policy) ? Optional.empty() : Optional.of(refusal(kind));
    }

    /** The kinds of addresses, as far as calling them goes. */
    enum Kind { PUBLIC, PRIVATE, LOOPBACK, LINK_LOCAL, NEVER }

    static Kind kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return kind4(b);
        }
        if (address instanceof Inet6Address) {
            return kind6(b);
        }
        return Kind.NEVER;
    }

    private static Kind kind4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0 || a0 >= 224) {
            return Kind.NEVER; // "this network" (0.0.0.0 reaches the host itself), multicast, reserved, broadcast
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 192 && a1 == 0 && a2 == 0)) {
            return Kind.PRIVATE;
        }
        return Kind.PUBLIC;
    }

    private static Kind kind6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return kind4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped ::ffff:a.b.c.d
        }
        boolean firstTwelveZero = firstTenZero && b[10] == 0 && b[11] == 0;
        if (firstTwelveZero) {
            boolean allZero = b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
            if (allZero) {
                return b[15] == 1 ? Kind.LOOPBACK : Kind.NEVER; // ::1, ::
            }
            return kind4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-compatible ::a.b.c.d
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x64 && w1 == 0xff9b) {
            return kind4(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64 64:ff9b::a.b.c.d
        }
        if (w0 == 0x2002) {
            return kind4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002:aabb:ccdd::
        }
        if (w0 == 0x2001 && w1 == 0) {
            return Kind.NEVER; // Teredo: another address hides inside
        }
        if ((b[0] & 0xff) == 0xff) {
            return Kind.NEVER; // multicast
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL; // fe80::/10
        }
        if ((b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)) {
            return Kind.PRIVATE; // unique local fc00::/7, old site-local fec0::/10
        }
        return Kind.PUBLIC;
    }

    private static boolean allowed(Kind kind, Policy policy) {
        return switch (kind) {
            case PUBLIC -> true;
            case PRIVATE -> policy.allowPrivate();
            case LOOPBACK -> policy.allowLoopback();
            case LINK_LOCAL -> policy.allowLinkLocal();
            case NEVER -> false;
        };
    }

    private static Optional<String> literal(String address, Policy policy) {
        InetAddress parsed;
        try {
            // Only literals reach here (a dotted quad, or the inside of [...]): no name is looked up.
            if (!DOTTED_QUAD.matcher(address).matches() && !(address.contains(":") && address.matches("[0-9a-f:.]+"))) {
                return Optional.of("That is not an IP address Daybook can call.");
            }
            parsed = InetAddress.getByName(address.contains(":") ? "[" + address + "]" : address);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.of("That is not an IP address Daybook can call.");
        }
        Kind kind = kind(parsed);
        return allowed(kind, policy) ? Optional.empty() : Optional.of(refusal(kind));
    }

    private static String refusal(Kind kind) {
        return switch (kind) {
            case LOOPBACK -> "Daybook does not call its own machine (localhost, 127.0.0.1); use the server's public address.";
            case PRIVATE -> "That address is on a private network. Daybook calls only public addresses unless whoever "
                    + "runs it allows private ones.";
            case LINK_LOCAL -> "That is a link-local address (like a cloud metadata service); Daybook does not call those.";
            case NEVER, PUBLIC -> "Daybook does not call that address.";
        };
    }

    private static String normalise(String host) {
        String lower = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** A host as the allow-list compares it: lower case, no trailing dot, IPv6 without brackets. */
    private static String listedForm(String host) {
        String name = normalise(host);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
