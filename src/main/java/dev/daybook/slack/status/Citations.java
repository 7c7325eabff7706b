package dev.daybook.slack.status;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.delivery.MessageLinks;
import dev.daybook.status.ProjectStatus;

/**
 * The sources of an answer: links to the Slack messages of the updates it was built from, so that a
 * reader can check every line against what the team wrote. An update whose message is unknown (shared
 * nowhere, or Slack gave no link) is simply not linked; nothing is made up.
 */
@Component
public class Citations {

    /** Links shown under one answer; the rest are counted. */
    static final int MAX_LINKS = 10;

    private final MessageLinks links;

    Citations(MessageLinks links) {
        this.links = links;
    }

    /** A cited update: its id and how to name it ("Ada, Mon 23 Nov"). */
    public record Source(long updateId, String label) {
    }

    /** One line of mrkdwn, "Sources: <link|Ada, Mon 23 Nov> · …", or empty when none has a link. */
    public Optional<String> line(String teamId, Collection<Source> sources) {
        List<Link> found = linked(teamId, sources);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        found.stream().limit(MAX_LINKS).forEach(l -> parts.add(SlackText.link(l.url(), l.label())));
        String more = found.size() > MAX_LINKS ? " and " + (found.size() - MAX_LINKS) + " more" : "";
        return Optional.of(":link: Sources: " + String.join(" · ", parts) + more);
    }

    /** The updates a project's status was built from: each member's latest update, then those listing its blockers. */
    public static List<Source> of(ProjectStatus status) {
        List<Source> sources = new ArrayList<>();
        status.members().forEach(m -> sources.add(new Source(m.updateId(), m.name() + ", " + SlackText.day(m.day()))));
        status.blockers().stream().filter(b -> b.updateId() != null)
                .forEach(b -> sources.add(new Source(b.updateId(), b.author() + "'s blocker")));
        return sources;
    }

    /** The blocks of an answer with its sources after them, when any has a link. */
    public List<LayoutBlock> withSources(String teamId, List<LayoutBlock> blocks, Collection<Source> sources) {
        Optional<String> line = line(teamId, sources);
        if (line.isEmpty()) {
            return blocks;
        }
        List<LayoutBlock> cited = new ArrayList<>(blocks);
        cited.add(context(c -> c.elements(List.of(markdownText(line.get())))));
        return cited;
    }

    /** A linked source: where it is and what to call it. */
    public record Link(long updateId, String url, String label) {
    }

    /** The sources that have a link, each update once, in the order given. */
    public List<Link> linked(String teamId, Collection<Source> sources) {
        Map<Long, String> labels = new LinkedHashMap<>();
        sources.forEach(s -> labels.putIfAbsent(s.updateId(), s.label()));
        Map<Long, String> urls = links.permalinks(teamId, new LinkedHashSet<>(labels.keySet()));
        List<Link> found = new ArrayList<>();
        labels.forEach((id, label) -> {
            String url = urls.get(id);
            if (url != null && SlackText.isLinkable(url)) {
                found.add(new Link(id, url, label));
            }
        });
        return found;
    }
}
