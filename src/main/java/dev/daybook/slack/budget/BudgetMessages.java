package dev.daybook.slack.budget;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.daybook.budget.Budget;
import dev.daybook.budget.BudgetNote;
import dev.daybook.budget.BudgetNoteKind;
import dev.daybook.budget.BudgetReport;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.delivery.ScheduledSender;
import dev.daybook.support.ScheduledMessageDue;

/** Sends the Monday planning note and the mid-week nudge as direct messages, once each. */
@Component
class BudgetMessages implements ScheduledSender {

    private final Budget budget;
    private final OncePoster deliveries;

    BudgetMessages(Budget budget, OncePoster deliveries) {
        this.budget = budget;
        this.deliveries = deliveries;
    }

    @Override
    public String feature() {
        return ScheduledMessageDue.BUDGET;
    }

    @Override
    public String meterKind() {
        return "budget_note";
    }

    @Override
    public String what() {
        return "a budget note";
    }

    @Override
    public String send(ScheduledMessageDue due) {
        Optional<BudgetNote> note = budget.compose(due);
        if (note.isEmpty()) {
            return "skipped";
        }
        String text = text(note.get());
        deliveries.postOnce(due.teamId(), due.deliveryKey(), due.subject(), null, 1, m -> m.text(text).mrkdwn(true));
        return "sent";
    }

    static String text(BudgetNote note) {
        BudgetReport report = note.report();
        StringBuilder text = new StringBuilder();
        if (note.kind() == BudgetNoteKind.PLANNING) {
            text.append(":compass: *Planning the week of ").append(SlackText.day(report.week()))
                    .append("*: last week against the team's target of ").append(report.target()).append(".\n")
                    .append(BudgetText.part("You, last week", report.mineLastWeek(), report.target()))
                    .append(BudgetText.part("Team, last week", report.teamLastWeek(), report.target()));
            note.drifts().forEach(d -> text.append("• ").append(BudgetText.drift(d, report.target()).replace("this week", "last week")).append('\n'));
            text.append("Plan this week with the target in mind. `/daybook budget` shows it any time.");
        } else {
            text.append(":bar_chart: *Mid-week check*: your week so far against the team's target of ")
                    .append(report.target()).append(".\n")
                    .append(BudgetText.part("You, this week", report.mine(), report.target()));
            note.drifts().forEach(d -> text.append("• ").append(BudgetText.drift(d, report.target())).append('\n'));
        }
        text.append("\n_Turn these notes off in `/daybook settings`._");
        return text.toString();
    }
}
