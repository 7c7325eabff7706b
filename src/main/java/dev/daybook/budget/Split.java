package dev.daybook.budget;

import java.util.EnumMap;
import java.util.Map;

import dev.daybook.projects.Category;

/**
 * How recorded work splits between the categories: a weight per category (hours, see
 * {@link BudgetPolicy}), and how many items it comes from.
 */
public record Split(double core, double adjacent, double moonshot, int items) {

    public static final Split EMPTY = new Split(0, 0, 0, 0);

    public double weight(Category category) {
        return switch (category) {
            case CORE -> core;
            case ADJACENT -> adjacent;
            case MOONSHOT -> moonshot;
        };
    }

    public double total() {
        return core + adjacent + moonshot;
    }

    public boolean isEmpty() {
        return items == 0 || total() <= 0;
    }

    public Split plus(Category category, double weight) {
        return new Split(core + (category == Category.CORE ? weight : 0),
                adjacent + (category == Category.ADJACENT ? weight : 0),
                moonshot + (category == Category.MOONSHOT ? weight : 0), items + 1);
    }

    /** Whole percentages that add up to 100 (largest remainder), all zero when empty. */
    public Map<Category, Integer> percents() {
        Map<Category, Integer> result = new EnumMap<>(Category.class);
        if (isEmpty()) {
            for (Category c : Category.values()) {
                result.put(c, 0);
            }
            return result;
        }
        double total = total();
        int given = 0;
        double[] remainders = new double[Category.values().length];
        for (Category c : Category.values()) {
            double exact = weight(c) * 100 / total;
            int floor = (int) Math.floor(exact);
            result.put(c, floor);
            remainders[c.ordinal()] = exact - floor;
            given += floor;
        }
        while (given < 100) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            Category c = Category.values()[best];
            result.put(c, result.get(c) + 1);
            remainders[best] = -1;
            given++;
        }
        return result;
    }

    public int percent(Category category) {
        return percents().get(category);
    }
}
