package dev.daybook.budget;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.daybook.projects.Category;
import dev.daybook.updates.DoneItem;
import dev.daybook.updates.UpdateView;

/**
 * How updates count towards the 70/20/10 budget, and when a week is drifting.
 * <ul>
 * <li>Only the items under Update (work done) count; Next and Blockers do not.</li>
 * <li>An item counts for its category: its tag, or the project's default when untagged.</li>
 * <li>An item with hours weighs its hours.</li>
 * <li>An item without hours, in an update where other items have hours, weighs the average hours of
 * those items: it is taken to be a typical item of that update.</li>
 * <li>In an update where no item has hours, each item weighs one hour: the split is by item count.</li>
 * </ul>
 */
public final class BudgetPolicy {

    /** Core counts as drifting when it is this many points below its target (70 → below 50). */
    public static final int CORE_MARGIN = 20;

    /** Fewer items than this in a week say too little to nudge anyone. */
    public static final int FEWEST_ITEMS_TO_JUDGE = 3;

    private BudgetPolicy() {
    }

    public static Split split(List<UpdateView> updates) {
        Split split = Split.EMPTY;
        for (UpdateView update : updates) {
            split = plusUpdate(split, update.done());
        }
        return split;
    }

    /** The split of items under Update, as read for a range of days; items of one update weigh together. */
    public static Split splitOf(List<DoneItem> done) {
        Map<Long, List<DoneItem>> byUpdate = done.stream()
                .collect(Collectors.groupingBy(DoneItem::updateId, LinkedHashMap::new, Collectors.toList()));
        Split split = Split.EMPTY;
        for (List<DoneItem> ofUpdate : byUpdate.values()) {
            split = plusUpdate(split, ofUpdate);
        }
        return split;
    }

    private static Split plusUpdate(Split split, List<DoneItem> ofUpdate) {
        double timedHours = 0;
        int timed = 0;
        for (DoneItem item : ofUpdate) {
            if (isTimed(item)) {
                timedHours += item.hours();
                timed++;
            }
        }
        double untimedWeight = timed == 0 ? 1.0 : timedHours / timed;
        for (DoneItem item : ofUpdate) {
            split = split.plus(item.category(), isTimed(item) ? item.hours() : untimedWeight);
        }
        return split;
    }

    private static boolean isTimed(DoneItem item) {
        return item.hours() != null && item.hours() > 0;
    }

    /**
     * How a week so far drifts from the target, judged on {@code today}: no moonshot time by Thursday
     * (when the target has any), core more than {@link #CORE_MARGIN} points below its target from
     * Wednesday on. Nothing is judged on fewer than {@link #FEWEST_ITEMS_TO_JUDGE} items.
     */
    public static List<Drift> drift(Split week, BudgetTarget target, DayOfWeek today) {
        List<Drift> drifts = new ArrayList<>();
        if (week.items() < FEWEST_ITEMS_TO_JUDGE) {
            return drifts;
        }
        if (today.compareTo(DayOfWeek.THURSDAY) >= 0 && target.moonshot() > 0 && week.moonshot() == 0) {
            drifts.add(Drift.NO_MOONSHOT);
        }
        if (today.compareTo(DayOfWeek.WEDNESDAY) >= 0
                && week.percent(Category.CORE) < target.core() - CORE_MARGIN) {
            drifts.add(Drift.CORE_LOW);
        }
        return drifts;
    }
}
