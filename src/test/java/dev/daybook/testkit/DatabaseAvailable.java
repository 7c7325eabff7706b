package dev.daybook.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips database tests when the requested database is not reachable, unless it is required
 * ({@code DAYBOOK_TEST_POSTGRES=required}, as in CI), in which case they fail.
 */
public final class DatabaseAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        TestDatabase database = TestDatabase.current();
        if (database.available()) {
            return ConditionEvaluationResult.enabled("running on " + database);
        }
        if (TestDatabase.postgresRequired()) {
            throw new IllegalStateException("PostgreSQL is required for this run. " + database.unavailableBecause());
        }
        return ConditionEvaluationResult.disabled(database.unavailableBecause());
    }
}
