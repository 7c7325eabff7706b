package dev.daybook.updates.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's lines, each told apart as Slack's composer and people write them: bullets, code blocks
 * (between {@code ```} fences), quotes ({@code >}, which Slack's text carries as {@code &gt;}), blank
 * lines and plain text. No I/O.
 */
final class PostLines {

    enum Kind { TEXT, BULLET, CODE, QUOTE, BLANK }

    /**
     * One line.
     *
     * @param indent  columns of leading white space (a tab counts four)
     * @param content for bullets and quotes the text after the marker, for text the stripped line, for
     *                code the line as written
     */
    record Line(Kind kind, int indent, String content) {
    }

    private static final Pattern BULLET = Pattern.compile(
            "^\\s*(?:(?:[-*•◦‣▪▫●○■□➢➤►▸–—+·]|\\d{1,3}[.)]|[a-z][.)])\\s+|\\d{1,3}[、．]\\s*)(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*(?:>|&gt;)\\s?(.*)$");

    private PostLines() {
    }

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (inCode || line.strip().startsWith("```")) {
                if (fenceCount(line) % 2 == 1) {
                    inCode = !inCode;
                }
                lines.add(new Line(Kind.CODE, indentOf(line), line));
                continue;
            }
            if (line.isBlank()) {
                lines.add(new Line(Kind.BLANK, 0, ""));
                continue;
            }
            Matcher quote = QUOTE.matcher(line);
            if (quote.matches()) {
                lines.add(new Line(Kind.QUOTE, indentOf(line), quote.group(1).strip()));
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches() && !bullet.group(1).isBlank()) {
                lines.add(new Line(Kind.BULLET, indentOf(line), bullet.group(1).strip()));
                continue;
            }
            lines.add(new Line(Kind.TEXT, indentOf(line), line.strip()));
        }
        return lines;
    }

    /** The bullet marker taken off, for an item written inline ({@code Update: - a; - b}). */
    static String withoutBullet(String item) {
        Matcher bullet = BULLET.matcher(item);
        return bullet.matches() && !bullet.group(1).isBlank() ? bullet.group(1).strip() : item;
    }

    private static int indentOf(String line) {
        int columns = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\u00A0' || c == '\u3000') {
                columns++;
            } else if (c == '\t') {
                columns += 4;
            } else {
                break;
            }
        }
        return columns;
    }

    private static int fenceCount(String line) {
        int count = 0;
        for (int i = line.indexOf("```"); i >= 0; i = line.indexOf("```", i + 3)) {
            count++;
        }
        return count;
    }
}
