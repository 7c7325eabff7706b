package dev.daybook.slack.runs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.daybook.runs.RunView;
import dev.daybook.runs.Verification;
import dev.daybook.slack.blockkit.SlackText;

/** How runs read in Slack: a line per run with its metrics and verification state. */
public final class RunText {

    /** Metrics shown in a run's line; the rest are counted (all of them are in the API). */
    static final int METRICS_SHOWN = 10;
    /** People named as a run's reporters; the rest are counted. */
    private static final int REPORTERS_SHOWN = 3;

    private RunText() {
    }

    static String line(RunView run) {
        return name(run) + metrics(run, List.of()) + " · " + state(run);
    }

    /** The run's link (only to an http(s) address) or its id as code. */
    public static String name(RunView run) {
        return run.url() != null ? SlackText.link(run.url(), run.label()) : SlackText.code(run.label());
    }

    /** " · auc 0.91, f1 0.8 …and 12 more metrics", the {@code first} ones first; empty without metrics. */
    static String metrics(RunView run, List<String> first) {
        if (run.metrics().isEmpty()) {
            return "";
        }
        List<Map.Entry<String, Double>> ordered = run.metrics().entrySet().stream()
                .sorted((a, b) -> {
                    int ia = first.indexOf(a.getKey());
                    int ib = first.indexOf(b.getKey());
                    if (ia != ib) {
                        return ia < 0 ? 1 : ib < 0 ? -1 : Integer.compare(ia, ib);
                    }
                    return a.getKey().compareTo(b.getKey());
                })
                .toList();
        String shown = ordered.stream().limit(METRICS_SHOWN)
                .map(m -> SlackText.escape(m.getKey()) + " " + number(m.getValue()))
                .collect(Collectors.joining(", "));
        int more = ordered.size() - METRICS_SHOWN;
        return " · " + shown + (more > 0 ? " _…and " + more + " more " + (more == 1 ? "metric" : "metrics") + "_" : "");
    }

    /** Who reported the numbers the run shows: people as mentions, or a script. */
    static String reporters(RunView run) {
        List<String> people = run.reporters();
        if (people.isEmpty()) {
            return run.reportedBy() == null ? "a training script" : SlackText.mention(run.reportedBy());
        }
        String named = people.stream().limit(REPORTERS_SHOWN).map(SlackText::mention).collect(Collectors.joining(", "));
        int more = people.size() - REPORTERS_SHOWN;
        return more > 0 ? named + " and " + more + (more == 1 ? " other" : " others") : named;
    }

    static String state(RunView run) {
        return switch (run.verification()) {
            case UNVERIFIED -> ":grey_question: unverified";
            case VERIFIED -> ":white_check_mark: verified by " + SlackText.mention(run.verifiedBy());
            case DISPUTED -> ":warning: disputed by " + SlackText.mention(run.verifiedBy()) + ": "
                    + SlackText.escape(run.disputeReason()).replace("\n", " ");
            case NOT_NEEDED -> "no new best";
        };
    }

    static boolean open(RunView run) {
        return run.verification() == Verification.UNVERIFIED;
    }

    /** Whether the run has a check a teammate can still act on: verify, dispute, or have the last word. */
    static boolean checkable(RunView run) {
        return run.verification() != Verification.NOT_NEEDED;
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
