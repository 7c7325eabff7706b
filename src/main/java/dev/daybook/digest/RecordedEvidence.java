package dev.daybook.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.updates.Blockers;

/** The summary's goals, runs and open blockers, from the features that keep them. */
@Component
class RecordedEvidence implements WeekEvidence {

    private final Blockers blockers;
    private final PersonDirectory people;

    RecordedEvidence(Blockers blockers, PersonDirectory people) {
        this.blockers = blockers;
        this.people = people;
    }

    @Override
    public List<GoalLine> goals(String teamId, long projectId, Instant asOf) {
        return List.of(); // client goals are not recorded yet
    }

    @Override
    public List<RunLine> runs(String teamId, long projectId, Instant from, Instant to) {
        return List.of(); // experiment runs are not recorded yet
    }

    @Override
    public List<OpenBlocker> openBlockers(String teamId, long projectId, LocalDate asOf) {
        return blockers.openBlockers(teamId, projectId, asOf).stream()
                .map(b -> new OpenBlocker(people.profile(teamId, b.userId()).name(), b.text(), b.firstReported(),
                        (int) b.ageDays()))
                .toList();
    }
}
