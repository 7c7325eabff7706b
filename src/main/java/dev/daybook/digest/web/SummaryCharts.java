package dev.daybook.digest.web;

import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.summary.SummaryText;
import dev.daybook.digest.summary.TimeSplit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.projects.Category;

/**
 * The web page's charts as inline SVG, drawn on the server: the page fetches nothing and runs no
 * script. Text in them is escaped for XML.
 */
public final class SummaryCharts {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final String[] COLOURS = {"#2f6fb3", "#49a27c", "#c77d2b"};

    private SummaryCharts() {
    }

    /** The week's split against the target: a bar per category, a mark at its target. */
    public static String split(TimeSplit split) {
        int width = 520;
        int rowHeight = 34;
        int left = 90;
        int barWidth = 300;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart split-chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                width, rowHeight * 3 + 24, width, rowHeight * 3 + 24));
        svg.append("<title>Time split this week against the target</title>");
        int row = 0;
        for (Category c : Category.values()) {
            int percent = split.split().isEmpty() ? 0 : split.split().percent(c);
            int target = split.target().percent(c);
            int y = row * rowHeight + 8;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"label\">%s</text>", y + 17, xml(c.label())));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"#eef1f5\"/>", left, y, barWidth));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"%s\"/>",
                    left, y, Math.round(barWidth * percent / 100.0), COLOURS[row]));
            long tx = left + Math.round(barWidth * target / 100.0);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"target\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>",
                    tx, y - 3, tx, y + 25));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value\">%d%% · target %d%%</text>",
                    left + barWidth + 10, y + 17, percent, target));
            row++;
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"note\">dashed line: the team's target</text>", left, rowHeight * 3 + 20));
        svg.append("</svg>");
        return svg.toString();
    }

    /** A goal's best verified value at the end of each week, with its target as a line where it has a number. */
    public static String goal(GoalLine goal) {
        List<GoalLine.GoalPoint> points = goal.history();
        int width = 520;
        int height = 200;
        int left = 50;
        int right = 20;
        int top = 16;
        int bottom = 36;
        Double target = targetValue(goal.target());
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (GoalLine.GoalPoint p : points) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
        }
        if (target != null) {
            min = Math.min(min, target);
            max = Math.max(max, target);
        }
        if (points.isEmpty() && target == null) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-9) {
            min -= 0.5;
            max += 0.5;
        }
        double pad = (max - min) * 0.1;
        min -= pad;
        max += pad;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart goal-chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                width, height, width, height));
        svg.append("<title>").append(xml(goal.metric() == null ? goal.statement() : goal.metric())).append(" over the weeks</title>");
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, height - bottom, width - right, height - bottom));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"4\" y=\"%d\" class=\"axis\">%s</text><text x=\"4\" y=\"%d\" class=\"axis\">%s</text>",
                top + 4, xml(SummaryText.number(round(max))), height - bottom, xml(SummaryText.number(round(min)))));
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        if (target != null) {
            double ty = top + plotH * (max - target) / (max - min);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-dasharray=\"5 3\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" fill=\"#c0392b\">target %s</text>",
                    left, ty, width - right, ty, width - right - 90, ty - 4, xml(SummaryText.number(target))));
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            GoalLine.GoalPoint p = points.get(i);
            double x = left + (points.size() == 1 ? plotW / 2 : plotW * i / (points.size() - 1));
            double y = top + plotH * (max - p.value()) / (max - min);
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#2f6fb3\"/>", x, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
                    x, height - bottom + 16, xml(SummaryText.day(p.weekEnding()).substring(4))));
        }
        if (points.size() > 1) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2f6fb3\" stroke-width=\"2\"/>");
        }
        if (points.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"note\">no verified run has measured it yet</text>",
                    left + 10, top + 40));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    static Double targetValue(String target) {
        if (target == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(target);
        return m.find() ? Double.valueOf(m.group()) : null;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
