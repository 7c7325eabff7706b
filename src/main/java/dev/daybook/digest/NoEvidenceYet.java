package dev.daybook.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/** No runs, goals or tracked blockers are kept yet: the summary leaves those sections out. */
@Component
class NoEvidenceYet implements WeekEvidence {

    @Override
    public List<GoalLine> goals(String teamId, long projectId, Instant asOf) {
        return List.of();
    }

    @Override
    public List<RunLine> runs(String teamId, long projectId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<OpenBlocker> openBlockers(String teamId, long projectId, LocalDate asOf) {
        return List.of();
    }
}
