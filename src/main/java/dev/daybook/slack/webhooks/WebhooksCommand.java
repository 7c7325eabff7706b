package dev.daybook.slack.webhooks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.settings.Leadership;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.webhooks.Webhook;
import dev.daybook.webhooks.WebhookEvent;
import dev.daybook.webhooks.WebhookService;

/**
 * {@code /daybook webhooks [add <url> [events…] [workspace] | remove <id> | on <id>]}: a project's (and
 * the workspace's) outgoing webhooks with the last delivery's status; leads add and remove a project's,
 * workspace admins the workspace's.
 */
@Component
class WebhooksCommand implements DaybookSubcommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final WebhookService webhooks;
    private final ProjectDirectory projects;
    private final Leadership leadership;

    WebhooksCommand(WebhookService webhooks, ProjectDirectory projects, Leadership leadership) {
        this.webhooks = webhooks;
        this.projects = projects;
        this.leadership = leadership;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public String usage() {
        return "/daybook webhooks [add <url> [events] [workspace] | remove <id> | on <id>]";
    }

    @Override
    public String summary() {
        return "tell other tools what happens here: signed HTTP POSTs, with each one's last delivery";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String[] words = invocation.arguments() == null || invocation.arguments().isBlank() ? new String[0]
                : invocation.arguments().strip().split("\\s+");
        Optional<Project> project = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (words.length == 0) {
            return ctx.ack(list(invocation.teamId(), project));
        }
        return switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
            case "add" -> ctx.ack(add(invocation, project, words));
            case "remove", "delete" -> ctx.ack(change(invocation, project, words, true));
            case "on", "resume" -> ctx.ack(change(invocation, project, words, false));
            default -> ctx.ack("Use `" + usage() + "`.");
        };
    }

    private String list(String teamId, Optional<Project> project) {
        List<Webhook> shown = webhooks.list(teamId).stream()
                .filter(w -> w.projectId() == null || project.map(p -> p.id() == w.projectId()).orElse(false))
                .toList();
        if (shown.isEmpty()) {
            return "No webhooks " + (project.isPresent() ? "for *#" + SlackText.escape(project.get().name()) + "*" : "in this workspace")
                    + " yet. A lead adds one with `/daybook webhooks add https://hooks.example.com/daybook`.";
        }
        StringBuilder text = new StringBuilder("*Webhooks*");
        for (Webhook w : shown) {
            text.append("\n• `").append(w.id()).append("` ").append(SlackText.escape(w.url()))
                    .append(w.projectId() == null ? " (workspace)" : "")
                    .append(" — ").append(w.events().size() == WebhookEvent.values().length ? "all events"
                            : w.events().stream().map(WebhookEvent::label).collect(Collectors.joining(", ")));
            if (!w.active()) {
                text.append("\n   :no_entry: off: ").append(SlackText.escape(w.stoppedReason() == null ? "" : w.stoppedReason()))
                        .append(" Turn it on with `/daybook webhooks on ").append(w.id()).append("`.");
            }
            text.append("\n   last delivery: ").append(w.lastStatus() == null ? "none yet"
                    : SlackText.escape(w.lastStatus()) + " at " + WHEN.format(w.lastAttemptAt()));
        }
        return text.toString();
    }

    private String add(Invocation invocation, Optional<Project> project, String[] words) {
        if (words.length < 2) {
            return "Give the address to send to: `/daybook webhooks add https://hooks.example.com/daybook`.";
        }
        String url = unwrap(words[1]);
        boolean workspace = false;
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (int i = 2; i < words.length; i++) {
            if (words[i].equalsIgnoreCase("workspace")) {
                workspace = true;
                continue;
            }
            Optional<WebhookEvent> event = WebhookEvent.of(words[i].replace(",", ""));
            if (event.isEmpty()) {
                return "\"" + SlackText.escape(shortened(words[i])) + "\" is not an event. Events: "
                        + java.util.Arrays.stream(WebhookEvent.values()).map(e -> "`" + e.label() + "`")
                        .collect(Collectors.joining(", ")) + ".";
            }
            events.add(event.get());
        }
        if (events.isEmpty()) {
            events = EnumSet.allOf(WebhookEvent.class);
        }
        if (workspace) {
            if (!leadership.isWorkspaceAdmin(invocation.teamId(), invocation.userId())) {
                return ":lock: Only the workspace's admins and owners can add a webhook for every project.";
            }
        } else if (project.isEmpty()) {
            return "Add a project's webhook in the project's channel, or add `workspace` for every project.";
        } else if (!leadership.mayLead(project.get(), invocation.userId())) {
            return leadership.refusal(project.get(), "add webhooks");
        }
        WebhookService.Adding adding = webhooks.add(invocation.teamId(), workspace ? null : project.get().id(), url,
                events, invocation.userId());
        if (adding.added().isEmpty()) {
            return SlackText.escape(adding.problem());
        }
        WebhookService.Added added = adding.added().get();
        return ":white_check_mark: Webhook `" + added.webhook().id() + "` added. Its signing secret, shown only now: `"
                + added.secret() + "`. Each delivery carries `X-Daybook-Request-Timestamp` and `X-Daybook-Signature` "
                + "(`v1=` HMAC-SHA256 of `v1:<timestamp>:<body>`).";
    }

    private String change(Invocation invocation, Optional<Project> project, String[] words, boolean remove) {
        long id;
        try {
            id = Long.parseLong(words.length > 1 ? words[1] : "");
        } catch (NumberFormatException e) {
            return "Name the webhook by its number, as `/daybook webhooks` lists them.";
        }
        Optional<Webhook> found = webhooks.byId(invocation.teamId(), id);
        if (found.isEmpty()) {
            return "There is no webhook " + id + " in this workspace.";
        }
        Webhook webhook = found.get();
        Optional<Project> of = webhook.projectId() == null ? Optional.empty() : projects.byId(webhook.projectId());
        boolean allowed = of.map(p -> leadership.mayLead(p, invocation.userId()))
                .orElseGet(() -> leadership.isWorkspaceAdmin(invocation.teamId(), invocation.userId()));
        if (!allowed) {
            return of.map(p -> leadership.refusal(p, "change its webhooks"))
                    .orElse(":lock: Only the workspace's admins and owners can change a workspace webhook.");
        }
        if (remove) {
            webhooks.remove(invocation.teamId(), id);
            return "Webhook `" + id + "` removed; nothing more is sent to it.";
        }
        webhooks.resume(invocation.teamId(), id);
        return "Webhook `" + id + "` is on again.";
    }

    /** Slack writes a URL as {@code <https://…>} or {@code <https://…|label>}. */
    private static String unwrap(String written) {
        String url = written;
        if (url.startsWith("<") && url.endsWith(">")) {
            url = url.substring(1, url.length() - 1);
            int bar = url.indexOf('|');
            if (bar >= 0) {
                url = url.substring(0, bar);
            }
        }
        return url;
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
