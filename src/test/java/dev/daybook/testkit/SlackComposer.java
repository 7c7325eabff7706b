package dev.daybook.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes a post the way Slack's composer sends it: one {@code rich_text} block whose lists, code
 * blocks, quotes and bold runs are structure (as in Slack's rich text reference), beside the
 * {@code text} it derives. For tests that send real payload shapes from a post written as text.
 */
public final class SlackComposer {

    private static final Pattern BULLET = Pattern.compile("^(\\s*)(?:[-*•◦▪]|(\\d{1,3})[.)])\\s+(.*)$");
    private static final Pattern INLINE = Pattern.compile(
            "<@([UW][A-Z0-9]+)>|<#(C[A-Z0-9]+)(?:\\|[^>]*)?>|<(https?://[^|>]+)(?:\\|([^>]*))?>|:([a-z0-9_+'-]+):|\\*([^*\\n]+)\\*");

    private SlackComposer() {
    }

    /** The {@code blocks} array for a post written as Slack's {@code text}. */
    public static JsonArray blocksOf(String text) {
        JsonArray elements = new JsonArray();
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder section = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher bullet = BULLET.matcher(line);
            if (line.strip().startsWith("```")) {
                flush(elements, section);
                StringBuilder code = new StringBuilder(line.strip().substring(3));
                boolean closed = code.toString().endsWith("```") && code.length() >= 3;
                i++;
                while (!closed && i < lines.size()) {
                    String next = lines.get(i++);
                    closed = next.strip().endsWith("```");
                    code.append('\n').append(closed ? next.substring(0, next.lastIndexOf("```")) : next);
                }
                String body = code.toString();
                if (body.endsWith("```")) {
                    body = body.substring(0, body.length() - 3);
                }
                JsonObject pre = new JsonObject();
                pre.addProperty("type", "rich_text_preformatted");
                pre.add("elements", texts(body));
                elements.add(pre);
                continue;
            }
            if (line.startsWith("&gt; ")) {
                flush(elements, section);
                StringBuilder quoted = new StringBuilder();
                while (i < lines.size() && lines.get(i).startsWith("&gt; ")) {
                    quoted.append(quoted.length() == 0 ? "" : "\n").append(lines.get(i++).substring(5));
                }
                JsonObject quote = new JsonObject();
                quote.addProperty("type", "rich_text_quote");
                quote.add("elements", inline(quoted.toString()));
                elements.add(quote);
                continue;
            }
            if (bullet.matches()) {
                flush(elements, section);
                int indent = (bullet.group(1).replace("\t", "    ").length() + 3) / 4;
                boolean ordered = bullet.group(2) != null;
                JsonArray items = new JsonArray();
                while (i < lines.size()) {
                    Matcher b = BULLET.matcher(lines.get(i));
                    if (!b.matches() || (b.group(1).replace("\t", "    ").length() + 3) / 4 != indent
                            || (b.group(2) != null) != ordered) {
                        break;
                    }
                    JsonObject item = new JsonObject();
                    item.addProperty("type", "rich_text_section");
                    item.add("elements", inline(b.group(3)));
                    items.add(item);
                    i++;
                }
                JsonObject list = new JsonObject();
                list.addProperty("type", "rich_text_list");
                list.addProperty("style", ordered ? "ordered" : "bullet");
                list.addProperty("indent", indent);
                list.addProperty("border", 0);
                list.add("elements", items);
                elements.add(list);
                continue;
            }
            section.append(line).append('\n');
            i++;
        }
        flush(elements, section);
        JsonObject block = new JsonObject();
        block.addProperty("type", "rich_text");
        block.addProperty("block_id", "c0mp");
        block.add("elements", elements);
        JsonArray blocks = new JsonArray();
        blocks.add(block);
        return blocks;
    }

    private static void flush(JsonArray elements, StringBuilder section) {
        if (section.length() == 0) {
            return;
        }
        JsonObject s = new JsonObject();
        s.addProperty("type", "rich_text_section");
        s.add("elements", inline(section.toString()));
        elements.add(s);
        section.setLength(0);
    }

    private static JsonArray texts(String text) {
        JsonArray array = new JsonArray();
        array.add(text(unescape(text), false));
        return array;
    }

    private static JsonArray inline(String text) {
        JsonArray array = new JsonArray();
        Matcher m = INLINE.matcher(text);
        int from = 0;
        List<JsonObject> parts = new ArrayList<>();
        while (m.find()) {
            if (m.start() > from) {
                parts.add(text(unescape(text.substring(from, m.start())), false));
            }
            JsonObject element = new JsonObject();
            if (m.group(1) != null) {
                element.addProperty("type", "user");
                element.addProperty("user_id", m.group(1));
            } else if (m.group(2) != null) {
                element.addProperty("type", "channel");
                element.addProperty("channel_id", m.group(2));
            } else if (m.group(3) != null) {
                element.addProperty("type", "link");
                element.addProperty("url", m.group(3));
                if (m.group(4) != null) {
                    element.addProperty("text", unescape(m.group(4)));
                }
            } else if (m.group(5) != null) {
                element.addProperty("type", "emoji");
                element.addProperty("name", m.group(5));
            } else {
                element = text(unescape(m.group(6)), true);
            }
            parts.add(element);
            from = m.end();
        }
        if (from < text.length()) {
            parts.add(text(unescape(text.substring(from)), false));
        }
        parts.forEach(array::add);
        return array;
    }

    private static JsonObject text(String text, boolean bold) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "text");
        element.addProperty("text", text);
        if (bold) {
            JsonObject style = new JsonObject();
            style.addProperty("bold", true);
            element.add("style", style);
        }
        return element;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
