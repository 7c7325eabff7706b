package dev.daybook.support;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import okhttp3.OkHttpClient;

/**
 * The one way Daybook calls an address a person gave it (an MLflow server, a calendar feed, a webhook),
 * and checks such an address when it is saved. {@link OutboundAddressRule} says which addresses are
 * allowed; this applies it where the addresses come from.
 */
public final class GuardedHttp {

    private GuardedHttp() {
    }

    /** Why a call was not made: the name resolved to an address the policy refuses. */
    public static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    /**
     * A client that follows no redirects (a public server could send Daybook to a private one), asks no
     * proxy (it would resolve names itself), and resolves every name itself and checks each address, so
     * that the address connected to is the address checked, however the name's DNS answers change.
     * A refused address fails the call with {@link RefusedAddress}.
     */
    public static OkHttpClient client(Duration connectTimeout, Duration timeout, HostResolver resolver,
                                      OutboundAddressRule.Policy policy) {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(timeout)
                .callTimeout(timeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                .dns(host -> checked(host, resolver, policy))
                .build();
    }

    private static List<InetAddress> checked(String host, HostResolver resolver, OutboundAddressRule.Policy policy)
            throws UnknownHostException {
        List<InetAddress> found = resolver.addresses(host);
        for (InetAddress address : found) {
            Optional<String> problem = OutboundAddressRule.problemWithAddress(host, address, policy);
            if (problem.isPresent()) {
                throw new RefusedAddress(problem.get());
            }
        }
        return found;
    }

    /**
     * For an address a person is saving, already accepted by {@link OutboundAddressRule#problemWithUrl}:
     * what is wrong with where its name points, in words for them. The name is resolved briefly: no
     * answer in {@code wait}, or none at all, leaves the check to the call, which checks again anyway.
     */
    public static Optional<String> problemWithName(String url, OutboundAddressRule.Policy policy,
                                                   HostResolver resolver, Duration wait) {
        String host = URI.create(url).getHost();
        if (policy.listed(host) || host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return Optional.empty(); // allowed by name, or an address already checked
        }
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.addresses(host);
            } catch (UnknownHostException e) {
                return List.of();
            }
        });
        try {
            for (InetAddress address : lookup.get(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                Optional<String> refused = OutboundAddressRule.problemWithAddress(host, address, policy);
                if (refused.isPresent()) {
                    return Optional.of(host + " points to an address Daybook does not call. " + refused.get());
                }
            }
        } catch (TimeoutException | ExecutionException e) {
            lookup.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
