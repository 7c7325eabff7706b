package dev.daybook.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.support.GuardedHttp;
import dev.daybook.support.GuardedHttp.RefusedAddress;
import dev.daybook.support.HostResolver;
import dev.daybook.support.OutboundAddressRule;
import dev.daybook.support.RetryLater;
import dev.daybook.support.Secrets;

/**
 * Sends a recorded delivery after its transaction committed: a signed POST ({@link WebhookSignature}).
 * A 2xx answer ends it; 410 Gone switches the webhook off (visible in settings, with why); anything
 * else (an error status, no answer within the timeout, no connection) is tried again by the outbox,
 * not before the backoff, until {@code daybook.webhooks.max-attempts}. Every attempt is written on the
 * webhook as its last status. Safe to run twice: a finished delivery is not sent again.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Tells the outbox when to try again. */
    static final class TryAgain extends RuntimeException implements RetryLater {
        private final Instant notBefore;

        TryAgain(String message, Instant notBefore) {
            super(message);
            this.notBefore = notBefore;
        }

        @Override
        public Instant notBefore() {
            return notBefore;
        }
    }


    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookService service;
    private final WebhookSettings settings;
    private final HostResolver resolver;
    private final Secrets secrets;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OkHttpClient http;

    WebhookSender(Webhooks webhooks, WebhookDeliveries deliveries, WebhookService service, WebhookSettings settings,
                  HostResolver resolver, Secrets secrets, Clock clock, PlatformTransactionManager transactions) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.service = service;
        this.settings = settings;
        this.resolver = resolver;
        this.secrets = secrets;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.http = GuardedHttp.client(settings.timeout(), settings.timeout(), resolver, settings.policy());
    }


    private record Attempt(String url, String secret, String type, String body, int number) {
    }

    @ApplicationModuleListener(id = "webhooks.deliver", propagation = Propagation.NOT_SUPPORTED)
    void on(WebhookDeliveryDue due) {
        // The backoff counts from when the attempt began, not from when its answer was written down: a
        // clock that moves on in between (a hanging receiver, a test) cannot push the next try away.
        Instant began = clock.instant();
        Attempt attempt = transaction.execute(s -> start(due));
        if (attempt == null) {
            return;
        }
        String status;
        boolean delivered = false;
        boolean gone = false;
        boolean retry = true;
        Optional<String> refused = OutboundAddressRule.problemWithUrl(attempt.url(), settings.policy());
        if (refused.isPresent()) {
            status = "refused: " + refused.get();
            retry = false;
        } else {
            long timestamp = clock.instant().getEpochSecond();
            Request request = new Request.Builder().url(attempt.url())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(attempt.secret(), timestamp, attempt.body()))
                    .header(WebhookSignature.EVENT_HEADER, attempt.type())
                    .header(WebhookSignature.DELIVERY_HEADER, Long.toString(due.deliveryId()))
                    .header("User-Agent", "Daybook-Webhooks/1")
                    .post(RequestBody.create(attempt.body(), JSON))
                    .build();
            try (Response response = http.newCall(request).execute()) {
                int code = response.code();
                status = Integer.toString(code);
                delivered = code >= 200 && code < 300;
                gone = code == 410;
            } catch (RefusedAddress e) {
                status = "refused: " + e.getMessage();
                retry = false;
            } catch (InterruptedIOException e) {
                status = "timed out after " + settings.timeout().toSeconds() + " s";
            } catch (IOException e) {
                status = "no connection (" + e.getClass().getSimpleName() + ")";
            }
        }
        boolean giveUp = !delivered && !gone && (!retry || attempt.number() >= settings.maxAttempts());
        String shown = status;
        boolean ok = delivered;
        boolean stop = gone;
        transaction.executeWithoutResult(s -> finish(due, shown, ok, stop, giveUp, attempt.number()));
        if (!delivered && !gone && !giveUp) {
            Instant notBefore = began.plus(settings.backoff(attempt.number()));
            throw new TryAgain("Webhook delivery " + due.deliveryId() + " failed (" + status + "), attempt "
                    + attempt.number() + "; again not before " + notBefore, notBefore);
        }
    }

    private Attempt start(WebhookDeliveryDue due) {
        WebhookDeliveryEntity delivery = deliveries.findById(due.deliveryId()).orElse(null);
        if (delivery == null || delivery.finished()) {
            return null;
        }
        WebhookEntity webhook = webhooks.findById(delivery.webhookId()).orElse(null);
        if (webhook == null || !webhook.active()) {
            delivery.finish("not sent: the webhook is off or gone", clock.instant());
            return null;
        }
        Optional<String> secret = secrets.tryOpen(webhook.secret(), webhook.teamId());
        if (secret.isEmpty()) {
            delivery.finish("not sent: no encryption key opens the webhook's secret", clock.instant());
            webhook.attempted("not sent: no encryption key opens its secret; add the webhook again", false,
                    clock.instant());
            return null;
        }
        return new Attempt(webhook.url(), secret.get(), delivery.eventType(), delivery.body(), delivery.attempt());
    }

    private void finish(WebhookDeliveryDue due, String status, boolean delivered, boolean gone, boolean giveUp,
                        int number) {
        Instant now = clock.instant();
        WebhookDeliveryEntity delivery = deliveries.findById(due.deliveryId()).orElse(null);
        if (delivery == null) {
            return;
        }
        webhooks.findById(delivery.webhookId()).ifPresent(webhook -> {
            webhook.attempted(status, delivered, now);
            if (gone) {
                webhook.stop("The receiver answered 410 Gone at " + now + "; switched off until someone turns it on again.");
                service.forget(webhook.teamId());
                log.info("Webhook {} switched off: its receiver answered 410 Gone", webhook.id());
            }
        });
        if (delivered) {
            delivery.finish("delivered (" + status + ")", now);
        } else if (gone) {
            delivery.finish("receiver gone (410); webhook switched off", now);
        } else if (giveUp) {
            delivery.finish("gave up after " + number + (number == 1 ? " attempt: " : " attempts: ") + status, now);
            log.warn("Webhook delivery {} given up after {} attempts: {}", due.deliveryId(), number, status);
        }
    }
}
