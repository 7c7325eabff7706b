package dev.daybook.slack.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slack's rule for a request's {@code response_url}: at most five posts, within thirty minutes of the
 * request. Plain Java, no I/O: {@link ResponseUrls} asks it before each post. It also says which
 * addresses are worth posting to at all: an http(s) URL of sensible length; anything else in a signed
 * payload is a broken request, and Daybook posts nothing rather than call an address it was handed.
 */
public final class ResponseUrlBudget {

    static final int POSTS = 5;
    static final Duration WITHIN = Duration.ofMinutes(30);
    static final int LONGEST_URL = 2_000;
    private static final int REMEMBERED = 10_000;

    private record Use(Instant first, int posts) {
    }

    private final Map<String, Use> uses = new LinkedHashMap<>();

    /** Whether a post to {@code url} may go now; counts it when it may. */
    synchronized boolean take(String url, Instant now) {
        if (!postable(url)) {
            return false;
        }
        forgetOlderThan(now.minus(WITHIN));
        Use use = uses.get(url);
        if (use == null) {
            if (uses.size() >= REMEMBERED) {
                Iterator<String> oldest = uses.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            uses.put(url, new Use(now, 1));
            return true;
        }
        if (use.posts() >= POSTS || now.isAfter(use.first().plus(WITHIN))) {
            return false;
        }
        uses.put(url, new Use(use.first(), use.posts() + 1));
        return true;
    }

    public static boolean postable(String url) {
        if (url == null || url.isBlank() || url.length() > LONGEST_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void forgetOlderThan(Instant limit) {
        // Insertion order is first-use order: the oldest come first.
        Iterator<Map.Entry<String, Use>> entries = uses.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue().first().isBefore(limit)) {
                entries.remove();
            } else {
                return;
            }
        }
    }

    /** For tests: how many posts the URL has had in its window. */
    synchronized int posts(String url) {
        Use use = uses.get(url);
        return use == null ? 0 : use.posts();
    }
}
