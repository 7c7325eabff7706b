package dev.daybook.timesheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Split;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.updates.DoneItem;
import dev.daybook.updates.UpdateView;

/**
 * How updates become a timesheet. Plain Java, no I/O.
 * <ul>
 * <li>Only items under Update (work done) count; Next and Blockers are plans and problems, not time.</li>
 * <li>Hours are only what the author wrote ({@code [2h]}). An item without hours adds nothing, even
 * beside items with hours: the 70/20/10 budget may weigh it as a typical item, an invoice must not.</li>
 * <li>A line is one person, day, project and category (the item's tag or the project's default).
 * When none of its items has hours, the line says "no hours given" with no number.</li>
 * <li>An update with no items under Update is a line of its own with no category, so that a day
 * somebody reported on is never silently missing.</li>
 * <li>Each client's split adds up the written hours of all its projects in the timesheet, whatever
 * category the timesheet was narrowed to.</li>
 * </ul>
 */
public final class TimesheetRule {

    /** The longest range one timesheet covers: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    private TimesheetRule() {
    }

    /**
     * @param updates  the updates of the range, in any order, of the given projects only
     * @param projects the projects the timesheet covers, by id
     * @param names    people's names by user id (a missing name shows the user id)
     * @param only     one category to list, or null for all
     */
    public static Timesheet build(LocalDate from, LocalDate to, List<UpdateView> updates, Map<Long, Project> projects,
                                  Function<String, String> names, Category only, BudgetTarget target) {
        List<TimesheetRow> all = new ArrayList<>();
        Map<String, Split> clientHours = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Integer> clientWithoutHours = new LinkedHashMap<>();
        Map<String, List<String>> clientProjects = new LinkedHashMap<>();
        for (Project project : projects.values().stream().sorted(Comparator.comparing(Project::name)).toList()) {
            String client = clientOf(project);
            clientHours.putIfAbsent(client, Split.EMPTY);
            clientProjects.computeIfAbsent(client, c -> new ArrayList<>()).add(project.name());
        }
        List<UpdateView> sorted = updates.stream()
                .filter(u -> projects.containsKey(u.projectId()) && !u.day().isBefore(from) && !u.day().isAfter(to))
                .sorted(Comparator.comparing(UpdateView::day)
                        .thenComparing(u -> projects.get(u.projectId()).name())
                        .thenComparing(u -> names.apply(u.userId()), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(UpdateView::userId))
                .toList();
        Map<String, int[]> perPersonCounts = new LinkedHashMap<>();
        for (UpdateView update : sorted) {
            Project project = projects.get(update.projectId());
            String client = clientOf(project);
            String person = Objects.requireNonNullElse(names.apply(update.userId()), update.userId());
            List<DoneItem> done = update.done();
            int[] counts = perPersonCounts.computeIfAbsent(update.userId(), u -> new int[2]);
            counts[0]++;
            if (done.isEmpty()) {
                all.add(new TimesheetRow(update.day(), project.name(), project.client(), update.userId(), person,
                        null, null, 0, 0));
                continue;
            }
            Map<Category, double[]> byCategory = new EnumMap<>(Category.class);
            boolean anyHours = false;
            for (DoneItem item : done) {
                // [hours, items, items without hours, whether any hours]
                double[] line = byCategory.computeIfAbsent(item.category(), c -> new double[4]);
                line[1]++;
                if (written(item.hours())) {
                    line[0] += item.hours();
                    line[3] = 1;
                    anyHours = true;
                    clientHours.merge(client, Split.EMPTY.plus(item.category(), item.hours()), TimesheetRule::sum);
                } else {
                    line[2]++;
                }
            }
            if (!anyHours) {
                counts[1]++;
                clientWithoutHours.merge(client, 1, Integer::sum);
            }
            byCategory.forEach((category, line) -> all.add(new TimesheetRow(update.day(), project.name(),
                    project.client(), update.userId(), person, category, line[3] > 0 ? line[0] : null,
                    (int) line[1], (int) line[2])));
        }
        List<TimesheetRow> rows = only == null ? all : all.stream().filter(r -> r.category() == only).toList();
        return new Timesheet(from, to,
                projects.values().stream().map(Project::name).sorted().toList(),
                List.copyOf(rows), people(rows, perPersonCounts),
                clientHours.entrySet().stream().map(e -> new ClientSplit(e.getKey(),
                        List.copyOf(clientProjects.getOrDefault(e.getKey(), List.of())), e.getValue(),
                        clientWithoutHours.getOrDefault(e.getKey(), 0), target)).toList());
    }

    private static List<PersonHours> people(List<TimesheetRow> rows, Map<String, int[]> counts) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Double> hours = new LinkedHashMap<>();
        for (TimesheetRow row : rows) {
            names.putIfAbsent(row.userId(), row.person());
            hours.merge(row.userId(), row.hours() == null ? 0.0 : row.hours(), Double::sum);
        }
        return names.entrySet().stream()
                .map(e -> new PersonHours(e.getKey(), e.getValue(), hours.get(e.getKey()),
                        counts.get(e.getKey())[0], counts.get(e.getKey())[1]))
                .sorted(Comparator.comparing(PersonHours::person).thenComparing(PersonHours::userId))
                .toList();
    }

    private static Split sum(Split a, Split b) {
        return new Split(a.core() + b.core(), a.adjacent() + b.adjacent(), a.moonshot() + b.moonshot(),
                a.items() + b.items());
    }

    private static boolean written(Double hours) {
        return hours != null && hours > 0 && Double.isFinite(hours);
    }

    private static String clientOf(Project project) {
        return project.client() == null || project.client().isBlank() ? null : project.client().strip();
    }
}
