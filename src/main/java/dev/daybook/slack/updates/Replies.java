package dev.daybook.slack.updates;

import java.util.List;
import java.util.stream.Collectors;

import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.updates.parsing.ParseProblem;
import dev.daybook.updates.Recording;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdatePrompt;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateView;

/** What Daybook says back to authors, in one place so the tone stays the same everywhere. */
public final class Replies {

    public static final String EXAMPLE = "`/update Update: cleaned the invoices; trained the baseline Next: tune it`";

    private Replies() {
    }

    static String afterRecording(Recording recording, boolean shared) {
        if (!recording.recorded()) {
            return "Nothing was recorded. " + problems(recording.problems())
                    + "\nFor example: " + EXAMPLE + ", or `/update` alone for a form.";
        }
        UpdateView update = recording.update();
        StringBuilder reply = new StringBuilder();
        if (recording.added()) {
            reply.append(":white_check_mark: Added to your update for *").append(SlackText.day(update.day()))
                    .append("* in #").append(recording.project().name()).append(": it now has ")
                    .append(counts(update)).append('.');
        } else if (recording.revised()) {
            reply.append(":white_check_mark: Revised your update for *").append(SlackText.day(update.day()))
                    .append("* in #").append(recording.project().name())
                    .append(" (revision ").append(update.revision()).append(").");
        } else {
            reply.append(":white_check_mark: Recorded your update for *").append(SlackText.day(update.day()))
                    .append("* in #").append(recording.project().name()).append(": ").append(counts(update)).append('.');
        }
        if (update.filedLate() && !recording.revised()) {
            reply.append("\nI filed it under *").append(SlackText.longDay(update.day()))
                    .append("*, since you had no update for that day yet.");
        }
        if (shared) {
            reply.append("\nIt will appear in the channel in a moment.");
        }
        List<ParseProblem> problems = recording.problems();
        if (!problems.isEmpty()) {
            reply.append('\n').append(problems(problems));
        }
        return reply.toString();
    }

    /** What the author hears after answering one of Daybook's questions about a post. */
    static String afterAnswer(Recording recording, UpdatePrompt.Choice choice) {
        return switch (recording.outcome()) {
            case RECORDED -> afterRecording(recording, recording.update().source() != UpdateSource.MESSAGE);
            case DISMISSED -> choice == UpdatePrompt.Choice.NOT_AN_UPDATE
                    ? "Understood: that message is not an update, and I left it alone."
                    : "Understood: I left your update as it was.";
            case STALE -> "That question no longer applies: it was answered already, or the post changed since.";
            case REJECTED -> afterRecording(recording, false);
            default -> "Nothing was recorded.";
        };
    }

    static String problems(List<ParseProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.stream().map(p -> "• " + p.message()).collect(Collectors.joining("\n"));
    }

    static String counts(UpdateView update) {
        if (update == null) {
            return null;
        }
        long ruledOut = update.items(Section.UPDATE).stream().filter(UpdateItem::negative).count();
        long done = update.items(Section.UPDATE).size() - ruledOut;
        long next = update.items(Section.NEXT).size();
        long blockers = update.items(Section.BLOCKER).size();
        long clientAsks = update.items(Section.BLOCKER).stream().filter(UpdateItem::clientAsk).count();
        StringBuilder counts = new StringBuilder();
        counts.append(done).append(" done, ");
        if (ruledOut > 0) {
            counts.append(ruledOut).append(" ruled out, ");
        }
        counts.append(next).append(" next");
        if (blockers > 0) {
            counts.append(", ").append(blockers).append(blockers == 1 ? " blocker" : " blockers");
            if (clientAsks > 0) {
                counts.append(" (").append(clientAsks).append(" waiting on the client)");
            }
        }
        return counts.toString();
    }

    static String couldNotSave() {
        return ":warning: Daybook could not save that just now, so nothing was recorded. "
                + "Please try again in a minute; if it keeps happening, tell whoever runs Daybook.";
    }

    static String notInDirectMessages() {
        return "Updates belong to a project, and a project is a channel: post `/update ...` in the project's channel. "
                + "Or type `/update` alone here to open the form and pick the project.";
    }
}
