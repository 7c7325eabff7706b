package dev.daybook.slack.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.middleware.builtin.Assistant;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.model.assistant.AssistantThread;
import com.slack.api.model.assistant.SuggestedPrompt;
import com.slack.api.model.event.AssistantThreadContextChangedEvent;
import com.slack.api.model.event.AssistantThreadStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.slack.updates.UpdateIntake;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/**
 * Slack's assistant panel (Bolt's {@link Assistant}): a new thread gets suggested prompts; a question in
 * it is answered in the thread by the same reader and rules as mentions and direct messages, with the
 * thread's status showing while Daybook looks. Only threads Slack said were started as the panel's are
 * claimed: Bolt would take every threaded direct message, and other threads in the DM stay as they were.
 * A workspace without the panel sends none of its events, and mentions and DMs work as before.
 */
@Component
class AssistantPanel implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(AssistantPanel.class);

    static final String LOOKING = "is looking through the updates…";
    /** The project named in the first prompt when the person has none yet. */
    static final String EXAMPLE_PROJECT = "acme-nlp";

    private final AssistantThreads threads;
    private final QuestionAnswers answers;
    private final UpdateIntake intake;
    private final SlackCalls slack;
    private final ProjectDirectory projects;
    private final UpdateService updates;
    private final PersonDirectory people;
    private final Clock clock;

    AssistantPanel(AssistantThreads threads, QuestionAnswers answers, UpdateIntake intake, SlackCalls slack,
                   ProjectDirectory projects, UpdateService updates, PersonDirectory people, Clock clock) {
        this.threads = threads;
        this.answers = answers;
        this.intake = intake;
        this.slack = slack;
        this.projects = projects;
        this.updates = updates;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        // Before Bolt's Assistant: remember the panel's threads, and hand every other threaded DM back.
        app.use((req, resp, chain) -> {
            if (req.getRequestType() == RequestType.Event && req instanceof EventRequest event
                    && event.getContext().isAssistantThreadEvent()) {
                EventContext ctx = event.getContext();
                String type = event.getEventType();
                if (AssistantThreadStartedEvent.TYPE_NAME.equals(type) || AssistantThreadContextChangedEvent.TYPE_NAME.equals(type)) {
                    threads.record(ctx.getTeamId(), ctx.getChannelId(), ctx.getThreadTs(),
                            ctx.getThreadContext() == null ? null : ctx.getThreadContext().getChannelId());
                } else if (!threads.isKnown(ctx.getTeamId(), ctx.getChannelId(), ctx.getThreadTs())) {
                    ctx.setAssistantThreadEvent(false);
                }
            }
            return chain.next(req);
        });
        Assistant assistant = new Assistant(threads);
        assistant.setThreadContextAutoSave(false); // recorded above, before the answer
        assistant.threadStarted((payload, ctx) -> once(ctx.getTeamId(), payload.getEventId(),
                () -> started(ctx.getTeamId(), payload.getEvent().getAssistantThread())));
        assistant.threadContextChanged((payload, ctx) -> {
            // Recorded before Bolt's Assistant ran; nothing to say in the thread.
        });
        assistant.userMessage((payload, ctx) -> once(ctx.getTeamId(), payload.getEventId(),
                () -> asked(ctx, payload.getEvent().getUser(), payload.getEvent().getBotId(), payload.getEvent().getText())));
        assistant.userMessageWithFiles((payload, ctx) -> once(ctx.getTeamId(), payload.getEventId(),
                () -> asked(ctx, payload.getEvent().getUser(), null, payload.getEvent().getText())));
        assistant.botMessage((payload, ctx) -> {
            // Daybook's own answers in the thread.
        });
        app.assistant(assistant);
    }

    /** Runs the work unless Slack's retry of the same event already did. */
    private void once(String teamId, String eventId, Runnable work) {
        if (eventId == null) {
            work.run();
            return;
        }
        AtomicBoolean first = new AtomicBoolean();
        intake.once(teamId, eventId, () -> first.set(true));
        if (first.get()) {
            work.run();
        }
    }

    private void started(String teamId, AssistantThread thread) {
        if (thread == null || thread.getChannelId() == null || thread.getThreadTs() == null) {
            return;
        }
        String viewing = thread.getContext() == null ? null : thread.getContext().getChannelId();
        List<SuggestedPrompt> prompts = prompts(statusPromptProject(teamId, thread.getUserId(), viewing));
        try {
            slack.call(teamId, "assistant.threads.setSuggestedPrompts", SlackCalls.Patience.WAIT,
                    c -> c.assistantThreadsSetSuggestedPrompts(r -> r.channelId(thread.getChannelId())
                            .threadTs(thread.getThreadTs()).title("Ask Daybook about your projects").prompts(prompts)));
        } catch (RuntimeException e) {
            log.info("Could not set the assistant thread's suggested prompts ({}).", e.getMessage());
        }
    }

    /** The four prompts of a new thread; the first names a project of the person's, or an example. */
    static List<SuggestedPrompt> prompts(String project) {
        String status = "Status of #" + project;
        return List.of(new SuggestedPrompt(status, status),
                new SuggestedPrompt("What's blocking my projects?", "What's blocking my projects?"),
                new SuggestedPrompt("What did I say I'd do next?", "What did I say I'd do next?"),
                new SuggestedPrompt("Best verified run this week", "Best verified run this week"));
    }

    /** The project beside the panel, else the one the person posted in last, else an example name. */
    private String statusPromptProject(String teamId, String userId, String viewingChannelId) {
        try {
            if (viewingChannelId != null) {
                Optional<Project> beside = projects.byChannel(teamId, viewingChannelId).filter(p -> !p.archived());
                if (beside.isPresent()) {
                    return beside.get().name();
                }
            }
            if (userId != null) {
                LocalDate since = ActiveAuthor.activeSince(people.calendar(teamId, userId).dayAt(clock.instant()));
                return updates.latestOf(teamId, userId).filter(u -> !u.day().isBefore(since))
                        .map(UpdateView::projectId).flatMap(projects::byId).filter(p -> !p.archived())
                        .map(Project::name).orElse(EXAMPLE_PROJECT);
            }
        } catch (RuntimeException e) {
            log.debug("No project of the person for the first prompt ({}).", e.getMessage());
        }
        return EXAMPLE_PROJECT;
    }

    private void asked(EventContext ctx, String userId, String botId, String text) {
        String teamId = ctx.getTeamId();
        String channelId = ctx.getChannelId();
        String threadTs = ctx.getThreadTs();
        if (userId == null || botId != null || channelId == null || threadTs == null) {
            return;
        }
        status(teamId, channelId, threadTs, LOOKING);
        try {
            // A project channel open beside the panel lends its project to "status", as asking in it would.
            String asking = threads.contextChannel(teamId, channelId, threadTs)
                    .filter(c -> projects.byChannel(teamId, c).isPresent()).orElse(channelId);
            QuestionAnswers.Reply reply = answers.answer(teamId, asking, userId, text == null ? "" : text);
            slack.call(teamId, "chat.postMessage", SlackCalls.Patience.WAIT,
                    c -> c.chatPostMessage(r -> r.channel(channelId).threadTs(threadTs).text(reply.text())
                            .blocks(reply.blocks()).unfurlLinks(false)));
        } catch (RuntimeException e) {
            log.info("Could not answer a question in the assistant panel ({}).", e.getMessage());
        } finally {
            status(teamId, channelId, threadTs, "");
        }
    }

    private void status(String teamId, String channelId, String threadTs, String status) {
        try {
            slack.call(teamId, "assistant.threads.setStatus", SlackCalls.Patience.WAIT,
                    c -> c.assistantThreadsSetStatus(r -> r.channelId(channelId).threadTs(threadTs).status(status)));
        } catch (RuntimeException e) {
            log.info("Could not set the assistant thread's status ({}).", e.getMessage());
        }
    }
}
