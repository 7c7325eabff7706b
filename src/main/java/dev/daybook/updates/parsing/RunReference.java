package dev.daybook.updates.parsing;

import org.springframework.modulith.NamedInterface;

import java.util.Map;

/**
 * An experiment run named in an update item.
 *
 * @param source  where the run lives: {@code mlflow}, {@code wandb}, or {@code run} (a bare {@code run:<id>})
 * @param id      the run's id in that tracker
 * @param url     the link as written, or null for {@code run:<id>} / {@code mlflow:<id>}
 * @param metrics metrics written next to the reference, by normalised name ({@code val_f1})
 */
@NamedInterface("parsing")
public record RunReference(String source, String id, String url, Map<String, Double> metrics) {

    public RunReference {
        metrics = Map.copyOf(metrics);
    }
}
