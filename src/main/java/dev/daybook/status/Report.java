package dev.daybook.status;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who wrote what from one day to another, per person: the timesheet view standup bots are used for.
 *
 * @param people one entry per person who posted, by name
 */
public record Report(LocalDate from, LocalDate to, List<PersonReport> people) {

    public Report {
        people = List.copyOf(people);
    }

    /** The same report without the days of projects the reader may not see. */
    public Report onlyProjects(Predicate<Long> visible) {
        return new Report(from, to, people.stream()
                .map(p -> new PersonReport(p.userId(), p.name(),
                        p.days().stream().filter(d -> visible.test(d.projectId())).toList()))
                .filter(p -> !p.days().isEmpty())
                .toList());
    }

    public record PersonReport(String userId, String name, List<Day> days) {
        public PersonReport {
            days = List.copyOf(days);
        }

        /** Hours written as tags ({@code [core 2h]}), summed. */
        public double hours() {
            return days.stream().flatMap(d -> d.done().stream()).mapToDouble(i -> i.hours() == null ? 0 : i.hours()).sum();
        }
    }

    /** One update: the day, the project, what was done and what comes next. */
    public record Day(LocalDate day, long projectId, String projectName, List<Item> done, List<Item> next) {
        public Day {
            done = List.copyOf(done);
            next = List.copyOf(next);
        }
    }

    public record Item(String text, Double hours) {
    }
}
