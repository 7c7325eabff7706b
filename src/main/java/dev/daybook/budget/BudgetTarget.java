package dev.daybook.budget;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.projects.Category;

/** A team's target split in whole percent: core / adjacent / moonshot, adding up to 100. */
public record BudgetTarget(int core, int adjacent, int moonshot) {

    public static final BudgetTarget DEFAULT = new BudgetTarget(70, 20, 10);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,3})\\s*%?\\s*[/ ,:-]\\s*(\\d{1,3})\\s*%?\\s*[/ ,:-]\\s*(\\d{1,3})\\s*%?\\s*");

    public BudgetTarget {
        if (core < 0 || adjacent < 0 || moonshot < 0 || core + adjacent + moonshot != 100) {
            throw new IllegalArgumentException("A target is three percentages adding up to 100");
        }
    }

    public int percent(Category category) {
        return switch (category) {
            case CORE -> core;
            case ADJACENT -> adjacent;
            case MOONSHOT -> moonshot;
        };
    }

    @Override
    public String toString() {
        return core + "/" + adjacent + "/" + moonshot;
    }

    /** What is wrong with a written target, or the target: {@code 60/30/10}, {@code 60 30 10}, {@code 60%/30%/10%}. */
    public static Parsed parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return new Parsed(Optional.empty(),
                    "Write the target as three percentages for core/adjacent/moonshot, like `70/20/10`.");
        }
        int core = Integer.parseInt(m.group(1));
        int adjacent = Integer.parseInt(m.group(2));
        int moonshot = Integer.parseInt(m.group(3));
        int sum = core + adjacent + moonshot;
        if (sum != 100) {
            return new Parsed(Optional.empty(), "Those add up to " + sum + "%, not 100%: core, adjacent and moonshot "
                    + "share all the time, like `70/20/10` or `60/30/10`.");
        }
        return new Parsed(Optional.of(new BudgetTarget(core, adjacent, moonshot)), null);
    }

    /** A parsed target, or why not. */
    public record Parsed(Optional<BudgetTarget> target, String problem) {
    }
}
