package dev.daybook.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test take the database away: while it is down, every new connection fails the way an
 * unreachable database does. Wraps the application's real pool; otherwise it only counts statements
 * ({@link StatementCount}).
 */
public final class FaultyDatabase implements BeanPostProcessor {

    private static volatile boolean down;

    public static void goDown() {
        down = true;
    }

    public static void comeBack() {
        down = false;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Switchable)) {
            return new Switchable(dataSource);
        }
        return bean;
    }

    static final class Switchable extends DelegatingDataSource {
        Switchable(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("Connection refused (the test took the database down)");
            }
            return StatementCount.counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("Connection refused (the test took the database down)");
            }
            return StatementCount.counting(super.getConnection(username, password));
        }
    }
}
