package dev.daybook.updates.recording;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;

import java.util.List;
import java.util.Locale;

/**
 * An update's items written out in the update format, so that a version Daybook composed (a post
 * added to the day's update) is stored as text like every other and reads back the same.
 */
public final class UpdateText {

    private UpdateText() {
    }

    public static String of(List<UpdateItem> items, boolean blockersStated) {
        StringBuilder text = new StringBuilder();
        for (Section section : Section.values()) {
            List<UpdateItem> in = items.stream().filter(i -> i.section() == section).toList();
            if (in.isEmpty() && !(section == Section.BLOCKER && blockersStated)) {
                continue;
            }
            text.append(text.length() == 0 ? "" : "\n").append(heading(section)).append(':');
            if (in.isEmpty()) {
                text.append("\n- none");
            }
            for (UpdateItem item : in) {
                text.append("\n- ").append(item.text().replace("\n", "\n  ")).append(tags(item));
            }
        }
        return text.toString();
    }

    private static String heading(Section section) {
        return switch (section) {
            case UPDATE -> "Update";
            case NEXT -> "Next";
            case BLOCKER -> "Blockers";
        };
    }

    private static String tags(UpdateItem item) {
        String category = item.tagged() ? item.category().name().toLowerCase(Locale.ROOT) : "";
        String hours = item.hours() == null ? "" : trim(item.hours()) + "h";
        String inside = (category + " " + hours).strip();
        return inside.isEmpty() ? "" : " [" + inside + "]";
    }

    private static String trim(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }
}
