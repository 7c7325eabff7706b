package dev.daybook.runs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reported the numbers a run shows now, and so may not verify it: the goal must never count a
 * number as verified by a person who reported that number.
 *
 * <ul>
 *   <li>Each of the run's current values was reported by every source that says that same value: an
 *       update (its author) or a script that named a {@code user}. Whoever reported one of them is one
 *       of its reporters; reporting the same number again does not make a second pair of eyes.</li>
 *   <li>A value only a script without a {@code user} or the tracking server says has no person behind
 *       it: it counts as reported by everyone who named the run, since it is their run's number.</li>
 *   <li>Someone whose number was replaced by a teammate's (Alice's 0.50, then Bob's 0.99) did not
 *       report the number shown, and may check it.</li>
 * </ul>
 * Plain Java with no I/O.
 */
final class ValueReporters {

    /** What one source (an update, a script, the tracker) says about a run; {@code person} null for no one. */
    record Source(String person, Map<String, Double> metrics) {
        Source {
            metrics = Map.copyOf(metrics);
        }
    }

    private ValueReporters() {
    }

    static Set<String> of(Map<String, Double> current, List<Source> sources) {
        Set<String> reporters = new LinkedHashSet<>();
        for (Map.Entry<String, Double> value : current.entrySet()) {
            boolean byAPerson = false;
            for (Source source : sources) {
                Double said = source.metrics().get(value.getKey());
                if (said != null && said.doubleValue() == value.getValue().doubleValue() && source.person() != null) {
                    reporters.add(source.person());
                    byAPerson = true;
                }
            }
            if (!byAPerson) {
                sources.stream().map(Source::person).filter(p -> p != null).forEach(reporters::add);
            }
        }
        return reporters;
    }
}
