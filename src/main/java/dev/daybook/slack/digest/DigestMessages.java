package dev.daybook.slack.digest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.digest.Digests;
import dev.daybook.digest.summary.ReadySummary;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.delivery.ScheduledSender;
import dev.daybook.support.ScheduledMessageDue;
import dev.daybook.webhooks.WebhookEvent;
import dev.daybook.webhooks.WebhookService;

/**
 * Posts a project's weekly summary to its digest channel, once: the post carries its key so that a
 * retry after a crash finds it instead of posting again.
 */
@Component
class DigestMessages implements ScheduledSender {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Digests digests;
    private final ProjectDirectory projects;
    private final OncePoster deliveries;
    private final WebhookService webhooks;

    DigestMessages(Digests digests, ProjectDirectory projects, OncePoster deliveries, WebhookService webhooks) {
        this.digests = digests;
        this.projects = projects;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
    }

    @Override
    public String feature() {
        return ScheduledMessageDue.DIGEST;
    }

    @Override
    public String meterKind() {
        return "weekly_summary";
    }

    @Override
    public String what() {
        return "a weekly summary";
    }

    @Override
    public String send(ScheduledMessageDue due) {
        Optional<ReadySummary> ready = digests.compose(due);
        if (ready.isEmpty()) {
            return "skipped";
        }
        ReadySummary summary = ready.get();
        String lateNote = summary.late() ? "Posted late: it was due " + due(summary) + ", while Daybook was not running." : null;
        List<LayoutBlock> blocks = SummaryBlocks.blocks(summary.summary(), summary.pageUrl(), lateNote);
        OncePoster.Posted posted = deliveries.postOnce(due.teamId(), due.deliveryKey(), summary.channelId(), null, 1,
                m -> m.text(SummaryBlocks.fallbackText(summary.summary())).blocks(blocks).unfurlLinks(false));
        // Other tools hear of it once it is in the channel; the page link is unguessable, and the
        // receiver is the project's own: it gets what the channel got.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("week", due.isoWeek());
        data.put("channel", posted.channelId());
        data.put("ts", posted.ts());
        data.put("updates", summary.summary().updates());
        data.put("late", summary.late());
        data.put("text", SummaryBlocks.fallbackText(summary.summary()));
        webhooks.notify(due.teamId(), due.projectId(), WebhookEvent.SUMMARY_POSTED, data);
        return "sent";
    }

    private String due(ReadySummary summary) {
        ZoneId zone = projects.byId(summary.summary().projectId()).map(projects::zone).orElse(ZoneId.of("UTC"));
        return DUE.format(summary.dueAt().atZone(zone)) + " (" + zone.getId() + ")";
    }
}
