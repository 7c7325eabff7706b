package dev.daybook.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts a row unless a row with the same unique key exists, inside the caller's transaction and
 * safe against a concurrent insert of the same key. The insert runs under a savepoint, so a
 * duplicate rolls back only itself: PostgreSQL would otherwise abort the whole transaction, and
 * H2 has no {@code on conflict do nothing}.
 */
@Component
public class InsertIfAbsent {

    /** SQLSTATE for a unique-constraint violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    InsertIfAbsent(DataSource dataSource) {
        this.dataSource = dataSource;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /** Runs the insert; false when the row was there already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean insert(String sql, Object... arguments) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                statement.executeUpdate();
            }
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (savepoint != null && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                rollBackTo(connection, savepoint, e);
                return false;
            }
            throw translator.translate("insert", sql, e);
        }
    }

    private void rollBackTo(Connection connection, Savepoint savepoint, SQLException cause) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            e.addSuppressed(cause);
            throw translator.translate("rollback to savepoint", null, e);
        }
    }
}
