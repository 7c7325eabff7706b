package dev.daybook.timesheets;

import dev.daybook.updates.Hours;

/**
 * A timesheet as CSV (RFC 4180: CRLF, fields quoted when they need it), one line per
 * {@link TimesheetRow}. A field that a spreadsheet would run as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading {@code '}, so
 * a client name like {@code =HYPERLINK(…)} stays text.
 */
public final class TimesheetCsv {

    public static final String HEADER = "date,project,client,user,person,category,hours,items,items_without_hours,note";

    private TimesheetCsv() {
    }

    public static String of(Timesheet timesheet) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TimesheetRow row : timesheet.rows()) {
            csv.append(row.date()).append(',')
                    .append(field(row.project())).append(',')
                    .append(field(row.client())).append(',')
                    .append(field(row.userId())).append(',')
                    .append(field(row.person())).append(',')
                    .append(row.category() == null ? "" : row.category().label()).append(',')
                    .append(row.hours() == null ? "" : Hours.number(row.hours())).append(',')
                    .append(row.items()).append(',')
                    .append(row.itemsWithoutHours()).append(',')
                    .append(field(row.note())).append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
