package dev.daybook.slack.digest;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.digest.DigestSchedule;
import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.settings.Leadership;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.support.PublicUrl;

/**
 * {@code /daybook digest preview|post|link|revoke}: the channel's weekly summary, privately before it
 * goes out, or now; links to its web page, or withdrawing them.
 */
@Component
class DigestCommand implements DaybookSubcommand {

    private static final Logger log = LoggerFactory.getLogger(DigestCommand.class);
    private static final String USAGE = "`/daybook digest preview` shows you this week's summary privately; "
            + "`/daybook digest post` sends it to the digest channel now; `/daybook digest link [2026-W48]` makes a "
            + "link to its web page for people outside Slack; `/daybook digest revoke` stops every link to this "
            + "project's summaries from working.";

    private final Digests digests;
    private final ProjectDirectory projects;
    private final PublicUrl publicUrl;
    private final Leadership leadership;

    DigestCommand(Digests digests, ProjectDirectory projects, PublicUrl publicUrl, Leadership leadership) {
        this.digests = digests;
        this.projects = projects;
        this.publicUrl = publicUrl;
        this.leadership = leadership;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String usage() {
        return "/daybook digest [preview|post|link|revoke]";
    }

    @Override
    public String summary() {
        return "the weekly stakeholder summary: preview it, post it now, share or revoke links to its web page";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String[] words = invocation.arguments().strip().split("\\s+", 2);
        String action = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        Optional<Project> found = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (found.isEmpty()) {
            return reply(ctx, "This channel is not a project yet, so it has no weekly summary: the first update "
                    + "posted here makes it one. Run this in the project's channel.");
        }
        Project project = found.get();
        if ((action.equals("post") || action.equals("revoke")) && !leadership.mayLead(project, invocation.userId())) {
            return reply(ctx, leadership.refusal(project, action.equals("post")
                    ? "post its weekly summary" : "revoke the links to its summaries")
                    + " `/daybook digest preview` and `/daybook digest link` are for everyone.");
        }
        try {
            return switch (action) {
                case "", "preview" -> preview(project, ctx);
                case "post" -> post(project, invocation, ctx);
                case "link" -> link(project, rest, ctx);
                case "revoke" -> revoke(project, ctx);
                default -> reply(ctx, "I don't know `digest " + SlackText.escape(action) + "`. " + USAGE);
            };
        } catch (RuntimeException e) {
            log.warn("Digest command failed: {}", e.toString());
            return reply(ctx, "Something went wrong on my side; nothing was sent. Please try again in a moment.");
        }
    }

    private Response preview(Project project, SlashCommandContext ctx) {
        IsoWeek week = digests.currentWeek(project);
        List<LayoutBlock> blocks = new ArrayList<>(SummaryBlocks.blocks(digests.summary(project, week), null, null));
        DigestSchedule schedule = digests.schedule(project);
        String where = schedule.channelId() == null ? "this channel" : "<#" + schedule.channelId() + ">";
        String when = digests.isDecided(project, week) ? "This week's summary has been posted already."
                : "It goes to " + where + " on " + schedule.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " at " + schedule.time() + " (" + projects.zone(project).getId() + "), or now with `/daybook digest post`.";
        blocks.add(1, context(c -> c.elements(List.of(markdownText(":eyes: *Preview, only you can see it.* " + when)))));
        List<LayoutBlock> fitted = blocks.size() > SummaryBlocks.MAX_BLOCKS ? blocks.subList(0, SummaryBlocks.MAX_BLOCKS) : blocks;
        return ctx.ack(r -> r.responseType("ephemeral").text("Preview of the weekly summary").blocks(fitted));
    }

    private Response post(Project project, Invocation invocation, SlashCommandContext ctx) {
        DigestSchedule schedule = digests.schedule(project);
        String where = schedule.channelId() == null ? "this channel" : "<#" + schedule.channelId() + ">";
        IsoWeek week = digests.currentWeek(project);
        return switch (digests.postNow(project, invocation.userId())) {
            case POSTING -> reply(ctx, ":outbox_tray: Posting the summary of week " + week + " to " + where
                    + " now. It counts as this week's summary: the schedule will not post it again.");
            case ALREADY_POSTED -> reply(ctx, "The summary of week " + week + " has been posted to " + where
                    + " already; a week has one. `/daybook digest preview` shows it as it stands now, and "
                    + "`/daybook digest link` makes a link to its web page.");
        };
    }

    private Response link(Project project, String weekText, SlashCommandContext ctx) {
        IsoWeek week;
        if (weekText.isEmpty()) {
            week = digests.currentWeek(project);
        } else {
            Optional<IsoWeek> parsed = IsoWeek.parse(weekText);
            if (parsed.isEmpty()) {
                return reply(ctx, "Write the week like `2026-W48` (ISO weeks 01 to 52, 53 in long years), or leave it out for this week.");
            }
            week = parsed.get();
        }
        String url = digests.newLink(project, week);
        return reply(ctx, ":link: A link to the summary of week " + week + ", for anyone you give it to, Slack or not: "
                + url + "\nIt works for " + digests.linkLifetimeDays() + " days; `/daybook digest revoke` stops it sooner."
                // A localhost link reaches nobody but the machine Daybook runs on: say so before it is shared.
                + (publicUrl.pointsAtThisMachine() ? "\n:warning: " + publicUrl.localWarning()
                        + " Until then this link, and the ones in the weekly summaries, will not open for anyone else." : ""));
    }

    private Response revoke(Project project, SlashCommandContext ctx) {
        int revoked = digests.revokeLinks(project);
        return reply(ctx, revoked == 0 ? "No link to this project's summaries was working; nothing to revoke."
                : ":no_entry: Revoked " + revoked + (revoked == 1 ? " link" : " links")
                        + " to this project's summaries: they now show a plain \"not found\" page. "
                        + "`/daybook digest link` makes a new one.");
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
