package dev.daybook.support;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach Daybook in a browser ({@code DAYBOOK_PUBLIC_URL}): links to summary pages and
 * the OAuth redirect URL start with it. Unset, it is {@code http://localhost:8080}, which only works
 * on the machine running Daybook: fine for a trial, dead links for everyone else.
 *
 * @param publicUrl the address, for example {@code https://daybook.example.com}; empty when not set
 */
@ConfigurationProperties("daybook")
public record PublicUrl(@DefaultValue("") String publicUrl) {

    public static final String DEFAULT = "http://localhost:8080";

    public PublicUrl {
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
        if (!publicUrl.isEmpty()) {
            URI uri;
            try {
                uri = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DAYBOOK_PUBLIC_URL is not a URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("DAYBOOK_PUBLIC_URL must be an http(s) address such as "
                        + "https://daybook.example.com (with an optional path, no query), not \"" + publicUrl + "\"");
            }
        }
    }

    /** Whether someone set it, rather than Daybook falling back on {@link #DEFAULT}. */
    public boolean isSet() {
        return !publicUrl.isEmpty();
    }

    /** The address without a trailing slash, to which paths ({@code /digests/…}) are appended. */
    public String base() {
        String url = isSet() ? publicUrl : DEFAULT;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@link #base()} followed by {@code path}, which starts with a slash. */
    public String resolve(String path) {
        return base() + path;
    }

    /**
     * Whether links would only work on this machine: the host is {@code localhost}, a loopback or
     * the unspecified address. Nobody else in the workspace can open them.
     */
    public boolean pointsAtThisMachine() {
        String host = URI.create(base()).getHost();
        if (host == null) {
            return true;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!(host.matches("[0-9.]+") || host.contains(":"))) {
            return false; // a name: never resolved here, it is someone's public host
        }
        try {
            InetAddress address = InetAddress.getByName(host); // a literal address: no lookup
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The sentence that tells an operator, or whoever made a link, what to do about it. */
    public String localWarning() {
        return "Links to Daybook start with " + base() + ", which only opens on the machine running Daybook: "
                + "set DAYBOOK_PUBLIC_URL to the address people reach it at (for example https://daybook.example.com).";
    }
}
