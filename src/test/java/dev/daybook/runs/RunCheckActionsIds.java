package dev.daybook.runs;

/** The action and callback ids of the run check, as Slack sends them back. */
final class RunCheckActionsIds {

    static final String VERIFY = "daybook_run_verify";
    static final String DISPUTE = "daybook_run_dispute";
    static final String DISPUTE_FORM = "daybook_run_dispute_form";
    static final String REASON = "reason";

    private RunCheckActionsIds() {
    }
}
