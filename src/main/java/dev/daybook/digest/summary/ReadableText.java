package dev.daybook.digest.summary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored item text keeps Slack's markup ({@code <https://…|label>}, {@code <@U123>}, {@code <!here>});
 * outside Slack (the web page, Markdown) a reader sees the label, the link, or a plain name instead.
 */
public final class ReadableText {

    private static final Pattern MARKUP = Pattern.compile("<([@#!][^<>]*|(?:https?|mailto):[^<>]*)>");

    private ReadableText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = MARKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1);
            int bar = inside.indexOf('|');
            String target = bar < 0 ? inside : inside.substring(0, bar);
            String label = bar < 0 ? null : inside.substring(bar + 1);
            String shown;
            if (target.startsWith("@") || target.startsWith("#")) {
                shown = label != null ? (label.startsWith("@") || label.startsWith("#") ? label : target.charAt(0) + label) : target;
            } else if (target.startsWith("!")) {
                shown = "@" + (label != null ? label.replaceFirst("^@", "") : target.substring(1).replaceFirst("\\^.*", ""));
            } else {
                shown = label != null ? label + " (" + target + ")" : target;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
