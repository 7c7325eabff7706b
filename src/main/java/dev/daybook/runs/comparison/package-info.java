/**
 * Whether two results compare: what a run was measured on ({@code Measurement}), the rule that says
 * what differs between two measurements ({@code ComparisonRule}), which way a metric improves, and how
 * a new best compares with the previous one. Plain Java with no I/O; {@code goals} and the Slack edge
 * read it, so it is a named interface of {@code runs}.
 */
@org.springframework.modulith.NamedInterface("comparison")
package dev.daybook.runs.comparison;
