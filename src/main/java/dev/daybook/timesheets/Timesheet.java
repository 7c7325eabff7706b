package dev.daybook.timesheets;

import java.time.LocalDate;
import java.util.List;

/** A timesheet for a date range (inclusive): its lines, each person's total, and each client's split. */
public record Timesheet(LocalDate from, LocalDate to, List<String> projects, List<TimesheetRow> rows,
                        List<PersonHours> people, List<ClientSplit> clients) {

    public double totalHours() {
        return rows.stream().filter(r -> r.hours() != null).mapToDouble(TimesheetRow::hours).sum();
    }
}
