package dev.daybook.slack.workflows;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.status.ProjectStatus;

/**
 * The "Get project status" step's outputs: a one-paragraph summary for a message or a condition, the
 * open blocker count, and the status as a rich text value (what Workflow Builder shows when a later
 * step sends it). Plain text throughout: what people wrote is never read as mentions or links.
 */
final class StatusOutputs {

    static final int MAX_MEMBERS = 12;
    static final int MAX_BLOCKERS = 10;
    private static final int ITEMS_PER_MEMBER = 3;
    private static final int MAX_ITEM = 200;

    private StatusOutputs() {
    }

    static String summary(ProjectStatus status) {
        StringBuilder text = new StringBuilder("#").append(status.project().name()).append(" on ")
                .append(SlackText.day(status.asOf())).append(": ");
        int members = status.members().size();
        if (members == 0) {
            text.append("no updates yet");
        } else {
            text.append(members).append(members == 1 ? " member has posted" : " members have posted")
                    .append(", the latest for ").append(SlackText.day(status.members().get(0).day()));
        }
        int blockers = status.blockers().size();
        text.append("; ").append(blockers == 0 ? "no open blockers"
                : blockers + (blockers == 1 ? " open blocker" : " open blockers"));
        if (blockers > 0) {
            long oldest = status.blockers().stream().mapToLong(ProjectStatus.Blocker::ageDays).max().orElse(0);
            text.append(", the oldest ").append(oldest).append(oldest == 1 ? " day old" : " days old");
        }
        if (!status.quiet().isEmpty()) {
            text.append("; gone quiet: ").append(String.join(", ",
                    status.quiet().stream().map(ProjectStatus.Quiet::name).toList()));
        }
        return text.append('.').toString();
    }

    /** A {@code rich_text} value: a heading line, each member's latest update, the open blockers. */
    static JsonObject richText(ProjectStatus status) {
        JsonArray elements = new JsonArray();
        elements.add(section(bold("Status of #" + status.project().name() + " on " + SlackText.day(status.asOf()))));
        if (status.members().isEmpty()) {
            elements.add(section(plain("No updates yet.")));
        } else {
            elements.add(section(bold("Latest updates")));
            List<String> lines = new ArrayList<>();
            for (ProjectStatus.MemberUpdate member : status.members().subList(0, Math.min(MAX_MEMBERS, status.members().size()))) {
                StringBuilder line = new StringBuilder(member.name()).append(" (").append(SlackText.day(member.day()))
                        .append("): ").append(join(member.done()));
                if (!member.next().isEmpty()) {
                    line.append(". Next: ").append(join(member.next()));
                }
                lines.add(line.toString());
            }
            elements.add(list(lines));
        }
        if (!status.blockers().isEmpty()) {
            elements.add(section(bold("Open blockers")));
            elements.add(list(status.blockers().subList(0, Math.min(MAX_BLOCKERS, status.blockers().size())).stream()
                    .map(b -> cut(b.text()) + " (" + b.author() + ", " + b.ageDays() + (b.ageDays() == 1 ? " day)" : " days)"))
                    .toList()));
        }
        JsonObject richText = new JsonObject();
        richText.addProperty("type", "rich_text");
        richText.add("elements", elements);
        return richText;
    }

    private static String join(List<String> items) {
        List<String> shown = items.subList(0, Math.min(ITEMS_PER_MEMBER, items.size())).stream().map(StatusOutputs::cut).toList();
        String joined = String.join("; ", shown);
        return items.size() > ITEMS_PER_MEMBER ? joined + " (and " + (items.size() - ITEMS_PER_MEMBER) + " more)" : joined;
    }

    private static String cut(String text) {
        return text.length() > MAX_ITEM ? text.substring(0, MAX_ITEM - 1) + "…" : text;
    }

    private static JsonObject section(JsonObject... texts) {
        JsonObject section = new JsonObject();
        section.addProperty("type", "rich_text_section");
        JsonArray elements = new JsonArray();
        for (JsonObject text : texts) {
            elements.add(text);
        }
        section.add("elements", elements);
        return section;
    }

    private static JsonObject list(List<String> lines) {
        JsonObject list = new JsonObject();
        list.addProperty("type", "rich_text_list");
        list.addProperty("style", "bullet");
        JsonArray items = new JsonArray();
        lines.forEach(line -> items.add(section(plain(line))));
        list.add("elements", items);
        return list;
    }

    private static JsonObject plain(String text) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "text");
        element.addProperty("text", text);
        return element;
    }

    private static JsonObject bold(String text) {
        JsonObject element = plain(text);
        JsonObject style = new JsonObject();
        style.addProperty("bold", true);
        element.add("style", style);
        return element;
    }
}
