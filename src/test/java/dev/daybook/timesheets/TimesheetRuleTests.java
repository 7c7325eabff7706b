package dev.daybook.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ShareMode;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

class TimesheetRuleTests {

    private static final LocalDate MON = LocalDate.parse("2026-11-23");
    private static final Project ACME = project(1, "acme-invoices", "Acme");
    private static final Project ACME_CHURN = project(2, "acme-churn", " Acme ");
    private static final Project GLOBEX = project(3, "globex", "Globex");
    private static final Project INTERNAL = project(4, "internal", null);
    private static final Map<Long, Project> ALL = Map.of(1L, ACME, 2L, ACME_CHURN, 3L, GLOBEX, 4L, INTERNAL);

    private long ids;

    @Test
    void hoursAreAddedPerPersonDayProjectAndCategory() {
        Timesheet sheet = build(List.of(update(ACME, "UADA", MON,
                done(Category.CORE, 2.0), done(Category.CORE, 1.5), done(Category.MOONSHOT, 0.5))));

        assertThat(sheet.rows()).containsExactly(
                new TimesheetRow(MON, "acme-invoices", "Acme", "UADA", "Ada", Category.CORE, 3.5, 2, 0),
                new TimesheetRow(MON, "acme-invoices", "Acme", "UADA", "Ada", Category.MOONSHOT, 0.5, 1, 0));
        assertThat(sheet.totalHours()).isEqualTo(4.0);
        assertThat(sheet.people()).containsExactly(new PersonHours("UADA", "Ada", 4.0, 1, 0));
    }

    @Test
    void aDayWithoutHoursIsShownWithoutANumberNeverGuessed() {
        Timesheet sheet = build(List.of(update(ACME, "UADA", MON, done(Category.CORE, null), done(Category.CORE, null))));

        TimesheetRow row = sheet.rows().get(0);
        assertThat(row.hours()).isNull();
        assertThat(row.items()).isEqualTo(2);
        assertThat(row.note()).isEqualTo("no hours given");
        assertThat(sheet.totalHours()).isZero();
        assertThat(sheet.people()).containsExactly(new PersonHours("UADA", "Ada", 0.0, 1, 1));
        assertThat(sheet.clients().get(0).updatesWithoutHours()).isEqualTo(1);
        assertThat(sheet.clients().get(0).totalHours()).isZero();
    }

    @Test
    void itemsWithoutHoursBesideTimedOnesAddNothingAndAreCounted() {
        Timesheet sheet = build(List.of(update(ACME, "UADA", MON,
                done(Category.CORE, 3.0), done(Category.CORE, null), done(Category.ADJACENT, null))));

        assertThat(sheet.rows()).containsExactly(
                new TimesheetRow(MON, "acme-invoices", "Acme", "UADA", "Ada", Category.CORE, 3.0, 2, 1),
                new TimesheetRow(MON, "acme-invoices", "Acme", "UADA", "Ada", Category.ADJACENT, null, 1, 1));
        assertThat(sheet.rows().get(0).note()).isEqualTo("1 item without hours, not counted");
        assertThat(sheet.totalHours()).isEqualTo(3.0);
        // The update had hours, so it is not an update without hours.
        assertThat(sheet.people().get(0).updatesWithoutHours()).isZero();
    }

    @Test
    void anUpdateWithOnlyPlansIsALineOfItsOwn() {
        Timesheet sheet = build(List.of(update(ACME, "UADA", MON, next("plan the week"))));

        assertThat(sheet.rows()).hasSize(1);
        assertThat(sheet.rows().get(0).category()).isNull();
        assertThat(sheet.rows().get(0).note()).isEqualTo("update without work items");
    }

    @Test
    void nextAndBlockersAreNotTime() {
        Timesheet sheet = build(List.of(update(ACME, "UADA", MON, done(Category.CORE, 1.0),
                new UpdateItem(Section.NEXT, "more", Category.CORE, true, 5.0),
                new UpdateItem(Section.BLOCKER, "labels", Category.CORE, true, 7.0))));

        assertThat(sheet.totalHours()).isEqualTo(1.0);
    }

    @Test
    void eachClientsSplitAddsUpItsProjectsAndOnlyWrittenHours() {
        Timesheet sheet = build(List.of(
                update(ACME, "UADA", MON, done(Category.CORE, 7.0)),
                update(ACME_CHURN, "UBOB", MON, done(Category.ADJACENT, 2.0), done(Category.MOONSHOT, 1.0)),
                update(ACME_CHURN, "UBOB", MON.plusDays(1), done(Category.MOONSHOT, null)),
                update(GLOBEX, "UADA", MON, done(Category.MOONSHOT, 4.0)),
                update(INTERNAL, "UADA", MON, done(Category.CORE, 1.0))));

        ClientSplit acme = client(sheet, "Acme");
        assertThat(acme.projects()).containsExactly("acme-churn", "acme-invoices");
        assertThat(acme.totalHours()).isEqualTo(10.0);
        assertThat(acme.percents()).containsEntry(Category.CORE, 70).containsEntry(Category.ADJACENT, 20)
                .containsEntry(Category.MOONSHOT, 10);
        assertThat(acme.updatesWithoutHours()).isEqualTo(1);
        assertThat(client(sheet, "Globex").percents()).containsEntry(Category.MOONSHOT, 100);
        assertThat(client(sheet, null).projects()).containsExactly("internal");
        // Clients sorted by name, no client last.
        assertThat(sheet.clients()).extracting(ClientSplit::client).containsExactly("Acme", "Globex", null);
    }

    @Test
    void aCategoryNarrowsTheLinesButNotTheClientsSplit() {
        Timesheet sheet = TimesheetRule.build(MON, MON, List.of(
                update(ACME, "UADA", MON, done(Category.CORE, 7.0), done(Category.MOONSHOT, 3.0))),
                ALL, this::name, Category.MOONSHOT, BudgetTarget.DEFAULT);

        assertThat(sheet.rows()).extracting(TimesheetRow::category).containsExactly(Category.MOONSHOT);
        assertThat(sheet.totalHours()).isEqualTo(3.0);
        assertThat(client(sheet, "Acme").totalHours()).isEqualTo(10.0);
    }

    @Test
    void updatesOutsideTheRangeOrTheProjectsAreLeftOut() {
        Project elsewhere = project(99, "elsewhere", "Acme");
        Timesheet sheet = TimesheetRule.build(MON, MON.plusDays(4), List.of(
                        update(ACME, "UADA", MON.minusDays(1), done(Category.CORE, 1.0)),
                        update(ACME, "UADA", MON.plusDays(5), done(Category.CORE, 1.0)),
                        update(elsewhere, "UADA", MON, done(Category.CORE, 1.0)),
                        update(ACME, "UADA", MON.plusDays(4), done(Category.CORE, 2.0))),
                Map.of(1L, ACME), this::name, null, BudgetTarget.DEFAULT);

        assertThat(sheet.rows()).extracting(TimesheetRow::date).containsExactly(MON.plusDays(4));
        assertThat(sheet.totalHours()).isEqualTo(2.0);
    }

    @Test
    void linesAreInDateProjectPersonOrder() {
        Timesheet sheet = build(List.of(
                update(GLOBEX, "UBOB", MON.plusDays(1), done(Category.CORE, 1.0)),
                update(ACME, "UBOB", MON, done(Category.CORE, 1.0)),
                update(ACME, "UADA", MON, done(Category.CORE, 1.0)),
                update(ACME_CHURN, "UADA", MON, done(Category.CORE, 1.0))));

        assertThat(sheet.rows()).extracting(r -> r.date() + " " + r.project() + " " + r.person()).containsExactly(
                "2026-11-23 acme-churn Ada", "2026-11-23 acme-invoices Ada", "2026-11-23 acme-invoices Bob",
                "2026-11-24 globex Bob");
    }

    @Test
    void aPersonWithoutANameShowsTheirId() {
        Timesheet sheet = build(List.of(update(ACME, "UNONAME", MON, done(Category.CORE, 1.0))));

        assertThat(sheet.rows().get(0).person()).isEqualTo("UNONAME");
    }

    private Timesheet build(List<UpdateView> updates) {
        return TimesheetRule.build(MON.minusDays(7), MON.plusDays(7), updates, ALL, this::name, null,
                BudgetTarget.DEFAULT);
    }

    private String name(String userId) {
        return switch (userId) {
            case "UADA" -> "Ada";
            case "UBOB" -> "Bob";
            default -> null;
        };
    }

    private static ClientSplit client(Timesheet sheet, String name) {
        return sheet.clients().stream().filter(c -> java.util.Objects.equals(c.client(), name)).findFirst().orElseThrow();
    }

    private UpdateView update(Project project, String user, LocalDate day, UpdateItem... items) {
        return new UpdateView(++ids, "T1", project.id(), user, day, UpdateSource.SLASH_COMMAND, 1, false,
                Instant.EPOCH, Instant.EPOCH, new ArrayList<>(List.of(items)));
    }

    private static UpdateItem done(Category category, Double hours) {
        return new UpdateItem(Section.UPDATE, "work", category, true, hours);
    }

    private static UpdateItem next(String text) {
        return new UpdateItem(Section.NEXT, text, Category.CORE, false, null);
    }

    private static Project project(long id, String name, String client) {
        return new Project(id, "T1", "C" + id, name, client, Category.CORE, ShareMode.values()[0], null, false);
    }
}
