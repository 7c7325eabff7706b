package dev.daybook.slack.home;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.view.Views.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.transport.SlackListener;

/** The App Home tab: published ({@code views.publish}) when a person opens it, made of {@link HomeSection}s. */
@Component
public class AppHome implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(AppHome.class);
    /** Slack's limit on blocks in a Home tab. */
    private static final int MAX_BLOCKS = 100;

    private final List<HomeSection> sections;
    private final SlackCalls slack;
    private final SlackPeople people;

    AppHome(List<HomeSection> sections, SlackCalls slack, SlackPeople people) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.slack = slack;
        this.people = people;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (event.getUser() != null && (event.getTab() == null || "home".equals(event.getTab()))) {
                publish(ctx.getTeamId(), event.getUser());
            }
            return ctx.ack();
        });
    }

    /** Shows the person their Home tab as it is now; never fails the caller. */
    public void publish(String teamId, String userId) {
        try {
            people.refreshIfStale(teamId, userId);
            List<LayoutBlock> blocks = blocks(teamId, userId);
            slack.call(teamId, "views.publish", SlackCalls.Patience.NONE,
                    c -> c.viewsPublish(r -> r.userId(userId).view(view(v -> v.type("home").blocks(blocks)))));
        } catch (RuntimeException e) {
            log.info("Slack: could not publish a Home tab ({}).", e.getMessage());
        }
    }

    List<LayoutBlock> blocks(String teamId, String userId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (HomeSection section : sections) {
            List<LayoutBlock> part = section.blocks(teamId, userId);
            if (part.isEmpty()) {
                continue;
            }
            if (!blocks.isEmpty()) {
                blocks.add(divider());
            }
            blocks.addAll(part);
        }
        return blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks;
    }
}
