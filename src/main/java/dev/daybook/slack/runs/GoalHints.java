package dev.daybook.slack.runs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.goals.GoalService;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.updates.UpdateRecorded;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/**
 * A polite hint to the author when an update names {@code #goal-slugs} the project does not have: the
 * update is recorded as written, and the hint says which goals exist.
 */
@Component
class GoalHints {

    private static final Logger log = LoggerFactory.getLogger(GoalHints.class);

    private final UpdateService updates;
    private final GoalService goals;
    private final OncePoster deliveries;

    GoalHints(UpdateService updates, GoalService goals, OncePoster deliveries) {
        this.updates = updates;
        this.goals = goals;
        this.deliveries = deliveries;
    }

    // An update that names no goal has nothing to hint at: not even stored for it.
    @ApplicationModuleListener(id = "slack.goal-hints", propagation = Propagation.NOT_SUPPORTED,
            condition = "#event.mayNameGoals()")
    void on(UpdateRecorded event) {
        UpdateView update = updates.byId(event.updateId()).orElse(null);
        if (update == null || update.revision() != event.revision()) {
            return; // revised or deleted since: the later event speaks for it
        }
        Set<String> named = new LinkedHashSet<>();
        update.items().forEach(item -> named.addAll(item.references().goals()));
        if (named.isEmpty()) {
            return;
        }
        List<String> unknown = goals.unknown(event.teamId(), event.projectId(), named);
        if (unknown.isEmpty()) {
            return;
        }
        String known = goals.goals(event.teamId(), event.projectId()).stream().map(g -> "`#" + g.slug() + "`")
                .collect(Collectors.joining(", "));
        String text = "Your update is recorded. This project has no goal " + unknown.stream().map(s -> "`#" + s + "`")
                .collect(Collectors.joining(", ")) + (known.isEmpty()
                ? " (it has no goals yet): add one with `/daybook goals add`, or leave the tag as plain text."
                : "; its goals are " + known + ". Add a new one with `/daybook goals add`.");
        // Once per revision: a retry of this work (after Slack failed, or resubmitted while still running) does not hint twice.
        String key = "goal-hint:" + event.updateId() + ":" + event.revision();
        try {
            deliveries.postEphemeralOnce(event.teamId(), key, event.channelId(), event.userId(), text);
        } catch (SlackRefused refused) {
            log.info("Slack: could not hint at unknown goals ({}).", refused.error());
        }
    }
}
