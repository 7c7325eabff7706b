package dev.daybook.slack.status;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.Hours;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonProfile;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.comparison.MetricDirection;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.runs.Verification;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.status.PersonMatcher;
import dev.daybook.status.ProjectStatus;
import dev.daybook.status.Question;
import dev.daybook.status.QuestionParser;
import dev.daybook.status.StatusService;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

/**
 * Answers the questions people ask in mentions and direct messages, only from what is stored, and only
 * what the asker may see. An unclear question gets the list of what Daybook can answer.
 */
@Component
class QuestionAnswers {

    static final String WHAT_I_CAN_ANSWER = """
            I can answer questions like these:
            • `status of acme`, `where is acme at?`, `acme 的状态`
            • `what's blocking acme?`, `acme 有什么阻碍`
            • `what did Bob do this week?` (or today, yesterday, last week), `bob 这周做了什么`
            • `who is working on churn?`, `谁在做 churn`
            • `best run for acme`, `acme goals`
            • about your own projects: `what's blocking my projects?`, `what did I say I'd do next?`,
              `best verified run this week` (or `… for acme`), `我的项目有什么阻碍`, `我接下来要做什么`, `本周最佳实验`
            • `what have we ruled out on acme?`, `what do we need from the client on acme?`
            Name a project by its channel, a word of it, or its client. `/daybook help` lists the commands.""";

    /** An answer; {@code onlyForAsker} when it must not be shown to others in the channel. */
    record Reply(String text, List<LayoutBlock> blocks, boolean onlyForAsker) {
        static Reply forAsker(String text) {
            return new Reply(text, List.of(section(s -> s.text(markdownText(text)))), true);
        }
    }

    private final ProjectLookup lookup;
    private final ProjectDirectory projects;
    private final StatusAnswers statusAnswers;
    private final UpdateService updates;
    private final PersonDirectory people;
    private final RunService runs;
    private final Citations citations;
    private final StatusService statusService;
    private final Clock clock;

    /** Metrics answered in "best run for ...". */
    private static final int MAX_METRICS = 5;

    /** Projects one answer about the asker's own projects covers. */
    private static final int MAX_MY_PROJECTS = 10;

    QuestionAnswers(ProjectLookup lookup, ProjectDirectory projects, StatusAnswers statusAnswers, UpdateService updates,
                    PersonDirectory people, RunService runs, Citations citations, StatusService statusService, Clock clock) {
        this.citations = citations;
        this.statusService = statusService;
        this.runs = runs;
        this.lookup = lookup;
        this.projects = projects;
        this.statusAnswers = statusAnswers;
        this.updates = updates;
        this.people = people;
        this.clock = clock;
    }

    /**
     * @param channelId where it was asked: a project channel lends its project to "status", and an answer
     *                  about another project's private channel goes to the asker alone
     */
    Reply answer(String teamId, String channelId, String askerId, String text) {
        Question question = QuestionParser.parse(text);
        if (question.intent() == Question.Intent.UNCLEAR && updates.read(teamId, channelId,
                text.replaceFirst("^\\s*<@[UW][A-Z0-9]+(?:\\|[^>]*)?>[\\s,:]*", ""), UpdateSource.MESSAGE).recognised()) {
            return Reply.forAsker("That looks like an end-of-day update. I record updates posted in a project's "
                    + "channel: post it there, or use `/update` in that channel.");
        }
        return switch (question.intent()) {
            case HELP, UNCLEAR -> Reply.forAsker(WHAT_I_CAN_ANSWER);
            case STATUS -> aboutProject(teamId, channelId, askerId, question, this::statusReply);
            case BLOCKERS -> aboutProject(teamId, channelId, askerId, question, this::blockers);
            case WHO_WORKS_ON -> aboutProject(teamId, channelId, askerId, question, this::who);
            case BEST_RUN -> question.period() == null
                    ? aboutProject(teamId, channelId, askerId, question, this::bestRun)
                    : aboutProject(teamId, channelId, askerId, question, s -> bestRunOfWeek(List.of(s.project()), askerId,
                            question.period(), false));
            case MY_BLOCKERS -> mine(teamId, askerId, null, channelId, projects -> myBlockers(projects));
            case MY_NEXT -> mine(teamId, askerId, question.project(), channelId, projects -> myNext(projects, askerId));
            case MY_BEST_RUN -> mine(teamId, askerId, null, channelId, projects -> question.period() == null
                    ? myBestRuns(projects) : bestRunOfWeek(projects, askerId, question.period(), true));
            case GOALS -> aboutProject(teamId, channelId, askerId, question, this::goals);
            case RULED_OUT -> aboutProject(teamId, channelId, askerId, question, this::ruledOut);
            case CLIENT_ASKS -> aboutProject(teamId, channelId, askerId, question, this::clientAsks);
            case PERSON_WORK -> personWork(teamId, askerId, question);
        };
    }

    private interface ProjectAnswer {
        Reply answer(ProjectStatus projectStatus);
    }

    private Reply aboutProject(String teamId, String channelId, String askerId, Question question, ProjectAnswer how) {
        ProjectLookup.Found found = lookup.find(teamId, channelId, question.project());
        if (found.project().isEmpty()) {
            return Reply.forAsker(found.problem());
        }
        Project project = found.project().get();
        StatusAnswers.Answer answer = statusAnswers.status(project, askerId);
        if (!answer.shown()) {
            return Reply.forAsker(answer.text());
        }
        Reply reply = how.answer(answer.status());
        boolean elsewhere = !project.channelId().equals(channelId);
        boolean keepPrivate = elsewhere && !SlackChannels.isDirectMessage(channelId) && statusAnswers.isPrivate(project);
        return new Reply(reply.text(), reply.blocks(), reply.onlyForAsker() || keepPrivate);
    }

    private Reply statusReply(ProjectStatus projectStatus) {
        return new Reply(StatusBlocks.fallbackText(projectStatus), citations.withSources(projectStatus.project().teamId(),
                StatusBlocks.answer(projectStatus), Citations.of(projectStatus)), false);
    }

    private Reply blockers(ProjectStatus projectStatus) {
        String project = "#" + projectStatus.project().name();
        if (projectStatus.blockers().isEmpty()) {
            return text("Nothing is blocking " + project + ": no open blockers in its updates.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Open blockers in " + project + "*");
        projectStatus.blockers().forEach(b -> lines.add("• " + StatusBlocks.text(b.text()) + " _(" + StatusBlocks.name(b.author())
                + ", " + StatusBlocks.age(b.ageDays()) + ", since " + SlackText.day(b.since()) + ")_"));
        List<Citations.Source> sources = projectStatus.blockers().stream().filter(b -> b.updateId() != null)
                .map(b -> new Citations.Source(b.updateId(), b.author() + "'s blocker")).toList();
        return cited(projectStatus.project().teamId(), lines(lines), sources);
    }

    /**
     * The project's negative results, newest first, without names: what the team learned does not work
     * is a finding, and is never shown as anyone's failure.
     */
    private Reply ruledOut(ProjectStatus projectStatus) {
        String project = "#" + projectStatus.project().name();
        List<StatusService.RuledOut> found = statusService.ruledOut(projectStatus.project());
        if (found.isEmpty()) {
            return text("Nothing has been ruled out in " + project + " in the last " + StatusService.RULED_OUT_DAYS
                    + " days. Items under a *Didn't work:* heading, or tagged `[negative]`, are kept here.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Ruled out in " + project + "* _(what the team tried and found does not work)_");
        found.forEach(r -> lines.add("• " + StatusBlocks.text(r.text()) + " _(" + SlackText.day(r.day()) + ")_"));
        List<Citations.Source> sources = found.stream().map(StatusService.RuledOut::updateId).distinct().limit(5)
                .map(id -> new Citations.Source(id, "an update")).toList();
        return cited(projectStatus.project().teamId(), lines(lines), sources);
    }

    /** The open blockers that wait on the client, longest waiting first, each with its age in working days. */
    private Reply clientAsks(ProjectStatus projectStatus) {
        String project = "#" + projectStatus.project().name();
        List<ProjectStatus.Blocker> asks = projectStatus.blockers().stream().filter(ProjectStatus.Blocker::waitsOnClient)
                .sorted(java.util.Comparator.comparingInt(ProjectStatus.Blocker::clientWorkingDays).reversed())
                .toList();
        if (asks.isEmpty()) {
            return text("Nothing in " + project + " is waiting on the client. Tag a blocker `[client]`, or press "
                    + "*Waiting on client* beside it in `/daybook status`.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*What " + project + " needs from the client*");
        asks.forEach(b -> lines.add("• " + StatusBlocks.text(b.text()) + " _(" + StatusBlocks.name(b.author())
                + ", waiting " + WorkingCalendar.describeWorkingDays(b.clientWorkingDays()) + ", since "
                + SlackText.day(b.clientSince()) + ")_"));
        return lines(lines);
    }

    private Reply who(ProjectStatus projectStatus) {
        String project = "#" + projectStatus.project().name();
        if (projectStatus.members().isEmpty()) {
            return text("Nobody has posted an update in " + project + " in the last 30 days.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Posting in " + project + " (last 30 days)*");
        projectStatus.members().forEach(m -> lines.add("• " + StatusBlocks.name(m.name()) + ", latest update "
                + SlackText.day(m.day())));
        return lines(lines);
    }

    /**
     * The best verified run for each metric that matters: the goals' target metrics, or else the metrics
     * of the latest runs. Unverified results are named as such, never as the best.
     */
    private Reply bestRun(ProjectStatus projectStatus) {
        Project project = projectStatus.project();
        Set<String> metrics = new LinkedHashSet<>();
        projectStatus.goals().stream().filter(g -> g.goal().target() != null).forEach(g -> metrics.add(g.goal().target().metric()));
        if (metrics.isEmpty()) {
            projectStatus.runs().forEach(r -> r.metrics().keySet().stream().sorted().forEach(metrics::add));
        }
        if (metrics.isEmpty()) {
            return text("No runs with metrics are recorded for #" + project.name() + " yet.");
        }
        List<String> lines = new ArrayList<>();
        List<Citations.Source> sources = new ArrayList<>();
        lines.add("*Best verified runs in #" + project.name() + "*");
        metrics.stream().limit(MAX_METRICS).forEach(metric -> {
            Optional<RunView> best = runs.best(project.teamId(), project.id(), metric);
            best.ifPresent(run -> runs.updatesNaming(project.teamId(), run.id()).stream().limit(2)
                    .forEach(id -> sources.add(new Citations.Source(id, "update naming " + run.label()))));
            if (best.isPresent()) {
                lines.add("*" + SlackText.escape(metric) + "* " + StatusBlocks.number(best.get().metric(metric).orElseThrow())
                        + ": " + StatusBlocks.runLine(best.get()).substring(2));
            } else {
                lines.add("*" + SlackText.escape(metric) + "*: no verified run yet");
            }
        });
        List<RunView> unverified = projectStatus.runs().stream()
                .filter(r -> r.verification() == Verification.UNVERIFIED).toList();
        if (!unverified.isEmpty()) {
            lines.add("_Waiting for a teammate to verify:_");
            unverified.forEach(r -> lines.add(StatusBlocks.runLine(r)));
        }
        return cited(project.teamId(), lines(lines), sources);
    }

    private Reply goals(ProjectStatus projectStatus) {
        if (projectStatus.goals().isEmpty()) {
            return text("#" + projectStatus.project().name() + " has no client goals yet. Add one with `/daybook goals`.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Client goals of #" + projectStatus.project().name() + "*");
        projectStatus.goals().forEach(g -> lines.add(StatusBlocks.goalLine(g)));
        return lines(lines);
    }

    private Reply personWork(String teamId, String askerId, Question question) {
        String mentioned = PersonMatcher.mentioned(question.person());
        List<PersonProfile> matches = mentioned != null ? List.of(people.profile(teamId, mentioned))
                : PersonMatcher.match(question.person(), people.everyone(teamId));
        String written = SlackText.escape(question.person());
        if (matches.isEmpty()) {
            return Reply.forAsker("I don't know anyone called \"" + written + "\" who has posted an update here. "
                    + "Try their Slack display name, or @mention them.");
        }
        if (matches.size() > 1) {
            return Reply.forAsker("\"" + written + "\" could be " + String.join(" or ",
                    matches.stream().limit(5).map(p -> StatusBlocks.name(p.name())).toList()) + ". Which one?");
        }
        PersonProfile person = matches.get(0);
        // "Today" and "this week" are the person's asked about, not the asker's: their update of today
        // may be tomorrow's date where the asker is.
        LocalDate today = person.calendar().dayAt(clock.instant());
        LocalDate from;
        LocalDate to;
        String when;
        switch (question.period()) {
            case TODAY -> { from = today; to = today; when = "today"; }
            case YESTERDAY -> { from = today.minusDays(1); to = from; when = "yesterday"; }
            case LAST_WEEK -> {
                WorkingCalendar.Days week = WorkingCalendar.lastWeek(today);
                from = week.from(); to = week.to(); when = "last week";
            }
            default -> {
                WorkingCalendar.Days week = WorkingCalendar.thisWeek(today);
                from = week.from(); to = week.to(); when = "this week";
            }
        }
        List<UpdateView> found = updates.inTeamRange(teamId, from, to, person.userId());
        Map<Long, Optional<Project>> seen = new HashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("*What " + StatusBlocks.name(person.name()) + " did " + when + "* (" + SlackText.day(from)
                + (from.equals(to) ? "" : " – " + SlackText.day(to)) + ")");
        int hidden = 0;
        List<Citations.Source> sources = new ArrayList<>();
        for (UpdateView update : found) {
            Optional<Project> project = seen.computeIfAbsent(update.projectId(), id -> projects.byId(id)
                    .filter(p -> statusAnswers.refusal(p, askerId) == null));
            if (project.isEmpty()) {
                hidden++;
                continue;
            }
            lines.add("*" + SlackText.day(update.day()) + "* · #" + project.get().name());
            sources.add(new Citations.Source(update.id(), "#" + project.get().name() + ", " + SlackText.day(update.day())));
            update.items(Section.UPDATE).forEach(i -> lines.add("• " + StatusBlocks.text(line(i))));
            if (update.items(Section.UPDATE).isEmpty()) {
                update.items(Section.NEXT).forEach(i -> lines.add("• next: " + StatusBlocks.text(i.text())));
            }
        }
        if (lines.size() == 1) {
            return Reply.forAsker(StatusBlocks.name(person.name()) + " has no updates " + when
                    + (hidden > 0 ? " that you can see." : "."));
        }
        // Updates from private channels the asker is not in are left out, and shown only to the asker.
        return new Reply(lines.get(0), citations.withSources(teamId, blocks(lines), sources), true);
    }

    /** Projects the asker posted in during the last {@value ActiveAuthor#ACTIVE_DAYS} days, or the one they named. */
    private Reply mine(String teamId, String askerId, String named, String channelId,
                       Function<List<Project>, Reply> how) {
        List<Project> theirs;
        if (named != null) {
            ProjectLookup.Found found = lookup.find(teamId, channelId, named);
            if (found.project().isEmpty()) {
                return Reply.forAsker(found.problem());
            }
            String refusal = statusAnswers.refusal(found.project().get(), askerId);
            if (refusal != null) {
                return Reply.forAsker(refusal);
            }
            theirs = List.of(found.project().get());
        } else {
            LocalDate today = people.calendar(teamId, askerId).dayAt(clock.instant());
            theirs = updates.projectsSince(teamId, askerId, ActiveAuthor.activeSince(today)).stream()
                    .map(projects::byId).flatMap(Optional::stream)
                    .filter(p -> !p.archived() && teamId.equals(p.teamId()))
                    .filter(p -> statusAnswers.refusal(p, askerId) == null)
                    .sorted(Comparator.comparing(Project::name)).limit(MAX_MY_PROJECTS).toList();
            if (theirs.isEmpty()) {
                return Reply.forAsker("You haven't posted an update in any project in the last " + ActiveAuthor.ACTIVE_DAYS
                        + " days, so I don't know which projects are yours. Ask about one by name, for example "
                        + "`what's blocking acme?`.");
            }
        }
        Reply reply = how.apply(theirs);
        // About the asker's own work, perhaps in private channels: theirs alone wherever it was asked.
        return new Reply(reply.text(), reply.blocks(), true);
    }

    private Reply myBlockers(List<Project> theirs) {
        List<String> lines = new ArrayList<>();
        List<Citations.Source> sources = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        lines.add("*Open blockers in your projects*");
        for (Project project : theirs) {
            List<ProjectStatus.Blocker> open = statusService.status(project).blockers();
            if (open.isEmpty()) {
                clear.add("#" + project.name());
                continue;
            }
            lines.add("*#" + project.name() + "*");
            open.forEach(b -> lines.add("• " + StatusBlocks.text(b.text()) + " _(" + StatusBlocks.name(b.author())
                    + ", " + StatusBlocks.age(b.ageDays()) + ", since " + SlackText.day(b.since()) + ")_"));
            open.stream().filter(b -> b.updateId() != null)
                    .forEach(b -> sources.add(new Citations.Source(b.updateId(), b.author() + "'s blocker, #" + project.name())));
        }
        if (lines.size() == 1) {
            return text("Nothing is blocking your projects (" + String.join(", ", clear) + "): no open blockers in their updates.");
        }
        if (!clear.isEmpty()) {
            lines.add("_Nothing open in " + String.join(", ", clear) + "._");
        }
        return cited(theirs.get(0).teamId(), lines(lines), sources);
    }

    /** The asker's latest Next items in each project, from their latest update there. */
    private Reply myNext(List<Project> theirs, String askerId) {
        List<String> lines = new ArrayList<>();
        List<Citations.Source> sources = new ArrayList<>();
        lines.add("*What you said you'd do next*");
        for (Project project : theirs) {
            Optional<UpdateView> latest = updates.latestInProject(project.teamId(), project.id(), askerId);
            if (latest.isEmpty() || latest.get().items(Section.NEXT).isEmpty()) {
                continue;
            }
            UpdateView update = latest.get();
            lines.add("*#" + project.name() + "* · in your update of " + SlackText.day(update.day()));
            update.items(Section.NEXT).forEach(i -> lines.add("• " + StatusBlocks.text(i.text())));
            sources.add(new Citations.Source(update.id(), "#" + project.name() + ", " + SlackText.day(update.day())));
        }
        if (lines.size() == 1) {
            String where = theirs.size() == 1 ? "in #" + theirs.get(0).name() : "in your projects";
            return text("Your latest updates " + where + " have no Next items. Add some with `Next:` in your next update.");
        }
        return cited(theirs.get(0).teamId(), lines(lines), sources);
    }

    /** The best verified run of all time in each of the asker's projects, as {@code best run for …} answers it. */
    private Reply myBestRuns(List<Project> theirs) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Project project : theirs) {
            blocks.addAll(bestRun(statusService.status(project)).blocks());
        }
        return new Reply("Best verified runs in your projects", blocks.stream().limit(40).toList(), true);
    }

    /**
     * The best verified run of the asker's week (their calendar's Monday to Sunday) for each metric that
     * matters, per project. Only runs reported or updated that week count; unverified ones are never the best.
     */
    private Reply bestRunOfWeek(List<Project> among, String askerId, Question.Period period, boolean acrossMine) {
        String teamId = among.get(0).teamId();
        WorkingCalendar calendar = people.calendar(teamId, askerId);
        LocalDate today = calendar.dayAt(clock.instant());
        WorkingCalendar.Days week = period == Question.Period.LAST_WEEK ? WorkingCalendar.lastWeek(today)
                : WorkingCalendar.thisWeek(today);
        String when = period == Question.Period.LAST_WEEK ? "last week" : "this week";
        List<String> lines = new ArrayList<>();
        List<Citations.Source> sources = new ArrayList<>();
        List<String> none = new ArrayList<>();
        lines.add("*Best verified run " + when + (acrossMine ? " in your projects" : " in #" + among.get(0).name())
                + "* (" + SlackText.day(week.from()) + " – " + SlackText.day(week.to()) + ")");
        for (Project project : among) {
            List<RunView> ofWeek = runs.between(teamId, project.id(), calendar.startOf(week.from()),
                    calendar.endOf(week.to()));
            List<RunView> verified = ofWeek.stream().filter(r -> r.verification() == Verification.VERIFIED).toList();
            Set<String> metrics = new LinkedHashSet<>();
            if (!verified.isEmpty()) {
                statusService.status(project).goals().stream().filter(g -> g.goal().target() != null)
                        .forEach(g -> metrics.add(g.goal().target().metric()));
                if (metrics.stream().noneMatch(m -> verified.stream().anyMatch(r -> r.metric(m).isPresent()))) {
                    verified.forEach(r -> r.metrics().keySet().stream().sorted().forEach(metrics::add));
                }
            }
            List<String> found = new ArrayList<>();
            metrics.stream().limit(MAX_METRICS).forEach(metric -> verified.stream().filter(r -> r.metric(metric).isPresent())
                    .reduce((a, b) -> MetricDirection.beats(metric, b.metric(metric).get(), a.metric(metric).get()) ? b : a)
                    .ifPresent(run -> {
                        found.add("*" + SlackText.escape(metric) + "* " + StatusBlocks.number(run.metric(metric).get())
                                + ": " + StatusBlocks.runLine(run).substring(2));
                        runs.updatesNaming(teamId, run.id()).stream().limit(2)
                                .forEach(id -> sources.add(new Citations.Source(id, "update naming " + run.label())));
                    }));
            long waiting = ofWeek.stream().filter(r -> r.verification() == Verification.UNVERIFIED).count();
            if (found.isEmpty()) {
                none.add("#" + project.name() + (waiting > 0 ? " (" + waiting + " waiting for a teammate to verify)" : ""));
                continue;
            }
            if (acrossMine) {
                lines.add("*#" + project.name() + "*");
            }
            lines.addAll(found);
            if (waiting > 0) {
                lines.add("_" + waiting + " more " + (waiting == 1 ? "run" : "runs") + " waiting for a teammate to verify._");
            }
        }
        if (lines.size() == 1) {
            return text("No verified run " + when + " in " + String.join(", ", none)
                    + ". A run counts once a teammate has verified it.");
        }
        if (!none.isEmpty()) {
            lines.add("_No verified run " + when + " in " + String.join(", ", none) + "._");
        }
        return cited(teamId, lines(lines), sources);
    }

    /** The reply with links to the updates it was built from. */
    private Reply cited(String teamId, Reply reply, List<Citations.Source> sources) {
        return new Reply(reply.text(), citations.withSources(teamId, reply.blocks(), sources), reply.onlyForAsker());
    }

    private static String line(UpdateItem item) {
        return item.hours() == null ? item.text() : item.text() + " `" + Hours.tag(item.hours()) + "`";
    }

    private static Reply text(String text) {
        return new Reply(text, List.of(section(s -> s.text(markdownText(text)))), false);
    }

    private static Reply lines(List<String> lines) {
        return new Reply(lines.get(0).replace("*", ""), blocks(lines), false);
    }

    private static List<LayoutBlock> blocks(List<String> lines) {
        List<LayoutBlock> blocks = new ArrayList<>();
        SlackText.chunks(lines, SlackText.SECTION_LIMIT).stream().limit(40)
                .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        return blocks;
    }
}
