package dev.daybook.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.projects.Category;

class TimesheetCsvTests {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");

    @Test
    void linesAreCsvWithAHeaderAndEmptyHoursWhereNoneWereWritten() {
        String csv = TimesheetCsv.of(sheet(
                new TimesheetRow(DAY, "acme", "Acme", "UADA", "Ada", Category.CORE, 2.5, 2, 1),
                new TimesheetRow(DAY, "acme", "Acme", "UBOB", "Bob", Category.CORE, null, 1, 1)));

        assertThat(csv).isEqualTo(TimesheetCsv.HEADER + "\r\n"
                + "2026-11-23,acme,Acme,UADA,Ada,core,2.5,2,1,\"1 item without hours, not counted\"\r\n"
                + "2026-11-23,acme,Acme,UBOB,Bob,core,,1,1,no hours given\r\n");
    }

    @Test
    void formulasAndSeparatorsInNamesStayText() {
        String csv = TimesheetCsv.of(sheet(new TimesheetRow(DAY, "acme", "=HYPERLINK(\"http://x\",\"y\")", "UADA",
                "@Ada, \"the\"\nbest", Category.CORE, 1.0, 1, 0)));

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
                .contains(",\"'@Ada, \"\"the\"\"\nbest\",");
    }

    @Test
    void hoursHaveAtMostTwoDecimals() {
        assertThat(dev.daybook.updates.Hours.number(2.0)).isEqualTo("2");
        assertThat(dev.daybook.updates.Hours.number(0.25)).isEqualTo("0.25");
        assertThat(dev.daybook.updates.Hours.number(1.0 / 3)).isEqualTo("0.33");
        assertThat(dev.daybook.updates.Hours.number(100.0)).isEqualTo("100");
    }

    private static Timesheet sheet(TimesheetRow... rows) {
        return new Timesheet(DAY, DAY, List.of("acme"), List.of(rows), List.of(), List.of());
    }
}
