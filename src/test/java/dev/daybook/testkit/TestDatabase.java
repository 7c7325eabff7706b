package dev.daybook.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database the tests run against: H2 (the embedded default) unless the system property
 * {@code daybook.test.database=postgresql} asks for the local PostgreSQL, where each test run gets a
 * database of its own, dropped at the end. With {@code DAYBOOK_TEST_POSTGRES=required} an
 * unreachable PostgreSQL fails the run instead of skipping its tests.
 */
public final class TestDatabase {

    public static final String POSTGRES_ADMIN_URL =
            System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES_USER", "postgres");
    public static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES_PASSWORD", "");

    private static TestDatabase current;

    private final String kind;
    private final String url;
    private final String username;
    private final String password;
    private final String unavailableBecause;

    private TestDatabase(String kind, String url, String username, String password, String unavailableBecause) {
        this.kind = kind;
        this.url = url;
        this.username = username;
        this.password = password;
        this.unavailableBecause = unavailableBecause;
    }

    public static synchronized TestDatabase current() {
        if (current == null) {
            current = "postgresql".equals(System.getProperty("daybook.test.database", "h2")) ? postgres() : h2();
        }
        return current;
    }

    public static boolean postgresRequired() {
        return "required".equalsIgnoreCase(System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES", ""));
    }

    private static TestDatabase h2() {
        return new TestDatabase("h2", "jdbc:h2:mem:daybook-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;DB_CLOSE_DELAY=-1", "sa", "", null);
    }

    private static TestDatabase postgres() {
        String name = "daybook_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
             Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        } catch (SQLException e) {
            return new TestDatabase("postgresql", null, null, null,
                    "PostgreSQL at " + POSTGRES_ADMIN_URL + " is not reachable: " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        String url = POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new TestDatabase("postgresql", url, POSTGRES_USER, POSTGRES_PASSWORD, null);
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // The run is over; a leftover test database is harmless.
        }
    }

    public boolean available() {
        return unavailableBecause == null;
    }

    public String unavailableBecause() {
        return unavailableBecause;
    }

    public String kind() {
        return kind;
    }

    public boolean isPostgres() {
        return kind.equals("postgresql");
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return kind.toUpperCase(Locale.ROOT);
    }
}
