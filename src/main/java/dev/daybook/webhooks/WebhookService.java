package dev.daybook.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.support.GuardedHttp;
import dev.daybook.support.HostResolver;
import dev.daybook.support.OutboundAddressRule;
import dev.daybook.support.Secrets;

/**
 * A workspace's outgoing webhooks: adding (the URL checked as tracking-server URLs are), listing,
 * removing, switching back on; and {@link #notify}, which records a delivery for every webhook that
 * wants the event, in the caller's transaction, to be sent after it commits.
 */
@Service
public class WebhookService {

    /** At most this many webhooks per project, and as many for the workspace. */
    public static final int MOST_PER_SCOPE = 10;

    private static final Duration SAVE_LOOKUP = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Whether a workspace has any webhook on, remembered briefly so that the write path of a workspace
     * without webhooks costs nothing. A webhook added on another instance is noticed within this time.
     */
    private final Cache<String, Boolean> anyActive = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final ProjectDirectory projects;
    private final WebhookSettings settings;
    private final HostResolver resolver;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookService(Webhooks webhooks, WebhookDeliveries deliveries, ProjectDirectory projects, WebhookSettings settings,
                   HostResolver resolver, Secrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.projects = projects;
        this.settings = settings;
        this.resolver = resolver;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** A webhook just added, with the secret its receiver checks signatures with: shown this once. */
    public record Added(Webhook webhook, String secret) {
    }

    /** The webhook, or what is wrong, in words for the person who asked. */
    public record Adding(Optional<Added> added, String problem) {
    }

    @Transactional
    public Adding add(String teamId, Long projectId, String url, Set<WebhookEvent> wanted, String createdBy) {
        Optional<String> problem = problemWithUrl(url);
        if (problem.isPresent()) {
            return new Adding(Optional.empty(), problem.get());
        }
        if (wanted == null || wanted.isEmpty()) {
            return new Adding(Optional.empty(), "Say which events to send, or leave them out for all of them.");
        }
        long existing = projectId == null ? webhooks.countByTeamIdAndProjectIdIsNull(teamId)
                : webhooks.countByTeamIdAndProjectId(teamId, projectId);
        if (existing >= MOST_PER_SCOPE) {
            return new Adding(Optional.empty(), "There are already " + MOST_PER_SCOPE
                    + " webhooks here; remove one first.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        // Sealed under DAYBOOK_ENCRYPTION_KEY when one is set; without one it is kept as it is, like the
        // receiver keeps it: it signs what Daybook sends, it opens nothing of anyone's.
        String stored = secrets.canSeal() ? secrets.seal(secret, teamId) : secret;
        WebhookEntity saved = webhooks.save(new WebhookEntity(teamId, projectId, url, stored, wanted, createdBy,
                clock.instant()));
        anyActive.invalidate(teamId);
        return new Adding(Optional.of(new Added(saved.toView(), secret)), null);
    }

    @Transactional(readOnly = true)
    public List<Webhook> list(String teamId) {
        return webhooks.findByTeamIdOrderById(teamId).stream().map(WebhookEntity::toView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Webhook> byId(String teamId, long id) {
        return webhooks.findById(id).filter(w -> w.teamId().equals(teamId)).map(WebhookEntity::toView);
    }

    @Transactional
    public boolean remove(String teamId, long id) {
        Optional<WebhookEntity> found = webhooks.findById(id).filter(w -> w.teamId().equals(teamId));
        found.ifPresent(webhooks::delete);
        anyActive.invalidate(teamId);
        return found.isPresent();
    }

    /** Switches a webhook that was stopped (410) back on. */
    @Transactional
    public boolean resume(String teamId, long id) {
        Optional<WebhookEntity> found = webhooks.findById(id).filter(w -> w.teamId().equals(teamId));
        found.ifPresent(WebhookEntity::resume);
        anyActive.invalidate(teamId);
        return found.isPresent();
    }

    /**
     * Records a delivery of {@code event} about the project to each webhook that wants it (the
     * project's and the workspace's), in the caller's transaction; nothing at all (not a query, most of
     * the time) when the workspace has no webhook on.
     */
    @Transactional
    public void notify(String teamId, long projectId, WebhookEvent event, Map<String, Object> data) {
        notify(teamId, projectId, event, () -> data);
    }

    /** Like {@link #notify(String, long, WebhookEvent, Map)}; the data is read only when a webhook wants it, and null sends nothing. */
    @Transactional
    public void notify(String teamId, long projectId, WebhookEvent event, Supplier<Map<String, Object>> read) {
        if (!anyActive.get(teamId, webhooks::anyActive)) {
            return;
        }
        List<WebhookEntity> targets = webhooks.activeFor(teamId, projectId).stream().filter(w -> w.wants(event)).toList();
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Object> data = read.get();
        if (data == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("id", projectId);
        projects.byId(projectId).ifPresent(p -> {
            project.put("name", p.name());
            project.put("client", p.client());
        });
        for (WebhookEntity webhook : targets) {
            WebhookDeliveryEntity delivery = deliveries.save(new WebhookDeliveryEntity(teamId, webhook.id(),
                    event.label(), "{}", now));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", delivery.id());
            body.put("type", event.label());
            body.put("team", teamId);
            body.put("project", project);
            body.put("createdAt", now.toString());
            body.put("data", data);
            delivery.body(json.writeValueAsString(body));
            events.publishEvent(new WebhookDeliveryDue(teamId, delivery.id()));
        }
    }

    /** Marks the cache stale after a webhook was switched off while sending. */
    void forget(String teamId) {
        anyActive.invalidate(teamId);
    }

    /** What is wrong with a webhook URL; the name is resolved too, briefly, as for tracking servers. */
    public Optional<String> problemWithUrl(String url) {
        OutboundAddressRule.Policy policy = settings.policy();
        Optional<String> problem = OutboundAddressRule.problemWithUrl(url, policy);
        if (problem.isPresent()) {
            return problem.map(p -> p.replace("https://mlflow.example.com", "https://hooks.example.com/daybook")
                    .replace("mlflow.example.com", "hooks.example.com").replace("the server's address", "the webhook's address")
                    .replace("put the token in the token field", "Daybook signs every delivery instead"));
        }
        return GuardedHttp.problemWithName(url, policy, resolver, SAVE_LOOKUP);
    }

    /** The project a webhook event is about, for listeners that have only its id. */
    Optional<Project> project(long projectId) {
        return projects.byId(projectId);
    }
}
