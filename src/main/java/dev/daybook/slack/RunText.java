package dev.daybook.slack;

import java.util.Locale;
import java.util.stream.Collectors;

import dev.daybook.runs.RunView;
import dev.daybook.runs.Verification;

/** How runs read in Slack: a line per run with its metrics and verification state. */
final class RunText {

    private RunText() {
    }

    static String line(RunView run) {
        String name = run.url() != null ? "<" + run.url() + "|" + SlackText.escape(run.label()) + ">" : "`" + SlackText.escape(run.label()) + "`";
        String metrics = run.metrics().entrySet().stream()
                .map(m -> m.getKey() + " " + number(m.getValue()))
                .collect(Collectors.joining(", "));
        return name + (metrics.isEmpty() ? "" : " · " + metrics) + " · " + state(run);
    }

    static String state(RunView run) {
        return switch (run.verification()) {
            case UNVERIFIED -> ":grey_question: unverified";
            case VERIFIED -> ":white_check_mark: verified by <@" + run.verifiedBy() + ">";
            case DISPUTED -> ":warning: disputed by <@" + run.verifiedBy() + ">: " + SlackText.escape(run.disputeReason());
            case NOT_NEEDED -> "no new best";
        };
    }

    static boolean open(RunView run) {
        return run.verification() == Verification.UNVERIFIED;
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
