/**
 * The run and goal references an update's items carry ({@code mlflow:abc123 F1 0.82}, {@code goal:launch})
 * and the one reader of them: the runs and goals modules read references with the same rule the
 * parser uses.
 */
@org.springframework.modulith.NamedInterface("references")
package dev.daybook.updates.references;
