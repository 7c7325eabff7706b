package dev.daybook.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips database tests when the requested database server does not answer, unless it is required
 * ({@code DAYBOOK_TEST_POSTGRES=required}, as in CI), in which case they fail; fails them too when a
 * server answers but would not give the tests a database (wrong user or password), since skipping
 * would hide a setup mistake behind BUILD SUCCESS. See {@link TestDatabase}.
 */
public final class DatabaseAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(TestDatabase.current(), TestDatabase.postgresRequired());
    }

    static ConditionEvaluationResult decide(TestDatabase database, boolean required) {
        if (database.available()) {
            return ConditionEvaluationResult.enabled("running on " + database);
        }
        if (required) {
            throw new IllegalStateException("PostgreSQL is required for this run. " + database.unavailableBecause());
        }
        if (database.serverAnswered()) {
            throw new IllegalStateException(database.unavailableBecause());
        }
        return ConditionEvaluationResult.disabled(database.unavailableBecause());
    }
}
