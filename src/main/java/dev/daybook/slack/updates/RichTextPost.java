package dev.daybook.slack.updates;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextListElement;
import com.slack.api.model.block.element.RichTextPreformattedElement;
import com.slack.api.model.block.element.RichTextQuoteElement;
import com.slack.api.model.block.element.RichTextSectionElement;

/**
 * What a person wrote in Slack's composer, read from the message's {@code rich_text} blocks rather
 * than its {@code text}: lists are lists (nested ones indented, each element an item of its own), bold
 * is bold, code blocks and quotes are marked as such. The result is written in the same mrkdwn the
 * {@code text} field uses, so one parser reads both; {@code text} stays the answer whenever the blocks
 * are missing, unreadable, or say something other than it.
 */
final class RichTextPost {

    private static final String[] BULLETS = {"•", "◦", "▪"};
    private static final Pattern NAMED_REFERENCE = Pattern.compile("<([#@][A-Z0-9]{2,30})\\|[^>\\n]{1,100}>");
    /** Share of the words of {@code text} the blocks must hold, and the other way round. */
    private static final double AGREEMENT = 0.8;

    private RichTextPost() {
    }

    /** The text to read: from the blocks when they are rich text that agrees with {@code text}, else {@code text}. */
    static String textOf(String text, List<LayoutBlock> blocks) {
        return fromBlocks(blocks).filter(rendered -> text == null || text.isBlank() || agrees(rendered, text))
                .map(rendered -> withNamesFrom(text, rendered))
                .orElse(text);
    }

    /**
     * Blocks name a channel or a person by id only, where {@code text} may carry the name as well
     * ({@code <#C024BE91L|ml-acme>}): the name is kept, so an item reads the same from either.
     */
    private static String withNamesFrom(String text, String rendered) {
        if (text == null || text.indexOf('|') < 0) {
            return rendered;
        }
        Matcher named = NAMED_REFERENCE.matcher(text);
        String result = rendered;
        while (named.find()) {
            result = result.replace("<" + named.group(1) + ">", named.group());
        }
        return result;
    }

    /** The blocks written as mrkdwn, when there is a {@code rich_text} block and nothing in it is unreadable. */
    static Optional<String> fromBlocks(List<LayoutBlock> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            return Optional.empty();
        }
        try {
            StringBuilder out = new StringBuilder();
            boolean any = false;
            for (LayoutBlock block : blocks) {
                if (!(block instanceof RichTextBlock rich) || rich.getElements() == null) {
                    continue;
                }
                any = true;
                for (BlockElement element : rich.getElements()) {
                    write(out, element);
                }
            }
            String rendered = out.toString().strip();
            return any && !rendered.isEmpty() ? Optional.of(rendered) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty(); // a shape the model could not hold: read text instead
        }
    }

    private static void write(StringBuilder out, BlockElement element) {
        if (element instanceof RichTextSectionElement section) {
            line(out);
            out.append(inline(section.getElements()));
        } else if (element instanceof RichTextListElement list) {
            writeList(out, list);
        } else if (element instanceof RichTextPreformattedElement code) {
            line(out);
            out.append("```").append(stripNewline(plain(code.getElements()))).append("```");
        } else if (element instanceof RichTextQuoteElement quote) {
            line(out);
            String[] lines = stripNewline(inline(quote.getElements())).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                out.append(i == 0 ? "" : "\n").append("&gt; ").append(lines[i]);
            }
        }
    }

    private static void writeList(StringBuilder out, RichTextListElement list) {
        int indent = list.getIndent() == null ? 0 : Math.max(0, Math.min(list.getIndent(), 8));
        boolean ordered = "ordered".equals(list.getStyle());
        int number = list.getOffset() == null ? 0 : Math.max(0, list.getOffset());
        String pad = "    ".repeat(indent);
        for (RichTextElement item : list.getElements() == null ? List.<RichTextElement>of() : list.getElements()) {
            if (!(item instanceof RichTextSectionElement section)) {
                continue;
            }
            number++;
            line(out);
            String marker = ordered ? number + "." : BULLETS[indent % BULLETS.length];
            String[] lines = stripNewline(inline(section.getElements())).split("\n", -1);
            out.append(pad).append(marker).append(' ').append(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                // A line break inside an element continues the item.
                out.append('\n').append(pad).append("  ").append(lines[i]);
            }
        }
    }

    private static void line(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static String stripNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** A section's elements as mrkdwn: styled runs wrapped per line, mentions and links as Slack writes them. */
    private static String inline(List<RichTextElement> elements) {
        StringBuilder out = new StringBuilder();
        if (elements == null) {
            return "";
        }
        for (RichTextElement element : elements) {
            if (element instanceof RichTextSectionElement.Text text) {
                out.append(styled(escape(text.getText()), text.getStyle()));
            } else if (element instanceof RichTextSectionElement.User user) {
                out.append("<@").append(user.getUserId()).append('>');
            } else if (element instanceof RichTextSectionElement.Channel channel) {
                out.append("<#").append(channel.getChannelId()).append('>');
            } else if (element instanceof RichTextSectionElement.UserGroup group) {
                out.append("<!subteam^").append(group.getUsergroupId()).append('>');
            } else if (element instanceof RichTextSectionElement.Broadcast broadcast) {
                out.append("<!").append(broadcast.getRange()).append('>');
            } else if (element instanceof RichTextSectionElement.Link link) {
                String label = link.getText() == null || link.getText().isBlank() ? "" : "|" + escape(link.getText());
                out.append(styled("<" + link.getUrl() + label + ">", link.getStyle()));
            } else if (element instanceof RichTextSectionElement.Emoji emoji) {
                out.append(':').append(emoji.getName()).append(':');
            } else if (element instanceof RichTextSectionElement.Date date) {
                out.append(date.getFallback() == null ? "" : escape(date.getFallback()));
            } else if (element instanceof RichTextSectionElement.Team team) {
                out.append("<!team^").append(team.getTeamId()).append('>');
            }
        }
        return out.toString();
    }

    private static String plain(List<RichTextElement> elements) {
        StringBuilder out = new StringBuilder();
        if (elements != null) {
            for (RichTextElement element : elements) {
                if (element instanceof RichTextSectionElement.Text text) {
                    out.append(escape(text.getText()));
                } else {
                    out.append(inline(List.of(element)));
                }
            }
        }
        return out.toString();
    }

    private static String styled(String text, RichTextSectionElement.TextStyle style) {
        if (style == null || text.isBlank()) {
            return text;
        }
        String marks = (style.isBold() ? "*" : "") + (style.isItalic() ? "_" : "") + (style.isStrike() ? "~" : "");
        String code = style.isCode() ? "`" : "";
        if (marks.isEmpty() && code.isEmpty()) {
            return text;
        }
        String closing = new StringBuilder(marks).reverse().toString();
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            if (line.isBlank()) {
                out.append(line);
                continue;
            }
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            int end = line.length();
            while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            out.append(line, 0, start).append(marks).append(code).append(line, start, end).append(code)
                    .append(closing).append(line.substring(end));
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Whether two writings of a message say the same: nearly the same words, whatever the markup. A
     * client that sends blocks of one message and text of another is not to be believed on the blocks.
     */
    static boolean agrees(String rendered, String text) {
        Map<String, Integer> a = words(rendered);
        Map<String, Integer> b = words(text);
        int common = 0;
        for (Map.Entry<String, Integer> word : a.entrySet()) {
            common += Math.min(word.getValue(), b.getOrDefault(word.getKey(), 0));
        }
        int inA = a.values().stream().mapToInt(Integer::intValue).sum();
        int inB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (inA == 0 || inB == 0) {
            return inA == inB;
        }
        return common >= AGREEMENT * inA && common >= AGREEMENT * inB;
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.merge(word, 1, Integer::sum);
            }
        }
        return words;
    }
}
