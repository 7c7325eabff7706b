package dev.daybook.digest.summary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.daybook.budget.BudgetChart;
import dev.daybook.projects.Category;

/** Wording shared by the renderings: dates, the week's title, numbers. */
public final class SummaryText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private SummaryText() {
    }

    /** {@code Weekly summary · acme-invoices · 23–29 Nov 2026}. */
    public static String title(WeeklySummary summary) {
        return "Weekly summary · " + summary.projectName() + " · " + range(summary.from(), summary.to());
    }

    public static String range(LocalDate from, LocalDate to) {
        String start = from.getYear() != to.getYear() ? LONG.format(from)
                : from.getMonth() != to.getMonth() ? SHORT.format(from) : String.valueOf(from.getDayOfMonth());
        return start + "–" + LONG.format(to);
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    }

    /** {@code 0.87}, {@code 12}, {@code 0.9031}: as few digits as say it. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** {@code +0.03}, {@code −0.01}, {@code no change}. */
    public static String change(Double change) {
        if (change == null) {
            return "new this week";
        }
        if (Math.abs(change) < 1e-9) {
            return "no change";
        }
        return (change > 0 ? "+" : "−") + number(Math.abs(change)) + " since last week";
    }

    public static String goalLine(GoalLine goal) {
        StringBuilder text = new StringBuilder(ReadableText.of(goal.statement()));
        if (goal.metric() != null) {
            text.append(": ").append(goal.metric()).append(' ')
                    .append(goal.best() == null ? "not measured by a verified run yet" : number(goal.best()));
            if (goal.target() != null) {
                text.append(" (target ").append(goal.target()).append(goal.met() ? ", met" : "").append(')');
            }
            if (goal.best() != null) {
                text.append(", ").append(change(goal.change()));
            }
        }
        if (goal.due() != null) {
            text.append(" · due ").append(day(goal.due()));
        }
        return text.toString();
    }

    public static String runLine(RunLine run) {
        return run.runId() + (run.metrics() == null || run.metrics().isBlank() ? "" : " — " + run.metrics())
                + " · " + run.person() + ", " + weekday(run.day()) + " · " + run.check().label()
                + (run.comparability() == null ? "" : " · " + run.comparability());
    }

    /** {@code core 68% (target 70%) · adjacent 24% (20%) · moonshot 8% (10%)}. */
    public static String split(TimeSplit split) {
        if (split.split().isEmpty()) {
            return "nothing recorded";
        }
        StringBuilder text = new StringBuilder();
        for (Category c : Category.values()) {
            if (text.length() > 0) {
                text.append(" · ");
            }
            text.append(c.label()).append(' ').append(split.split().percent(c)).append("% (target ")
                    .append(split.target().percent(c)).append("%)");
        }
        return text.toString();
    }

    public static String splitChart(TimeSplit split) {
        return BudgetChart.chart(split.split(), split.target());
    }

    /** {@code 2 reported this week and resolved since}. */
    public static String resolved(int count) {
        return count + (count == 1 ? " blocker" : " blockers") + " reported this week and resolved since";
    }

    /** An ask's age as stakeholders read it: "waiting 6 working days (since Fri 4 Dec)". */
    public static String clientAge(OpenBlocker ask) {
        String age = ask.clientWorkingDays() <= 0 ? "waiting since today"
                : "waiting " + ask.clientWorkingDays() + (ask.clientWorkingDays() == 1 ? " working day" : " working days");
        return age + " (since " + day(ask.clientSince()) + ")";
    }

    /** The two sections that are new with negative results and client asks. */
    public static final String CLIENT_ASKS = "What we need from you";
    public static final String RULED_OUT = "What we ruled out";

    public static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }
}
