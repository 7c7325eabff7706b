package dev.daybook.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database the tests run against: H2 (the embedded default) unless the system property
 * {@code daybook.test.database=postgresql} asks for PostgreSQL, where each test run creates a
 * database of its own and drops it at the end. Nothing has to exist on the server beforehand but a
 * user allowed to create databases.
 * <ul>
 * <li>{@code DAYBOOK_TEST_POSTGRES_URL}: any database on the server to connect to first
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}); if it does not exist, {@code postgres}
 * and then {@code template1} on the same server are tried;</li>
 * <li>{@code DAYBOOK_TEST_POSTGRES_USER} ({@code postgres}), {@code DAYBOOK_TEST_POSTGRES_PASSWORD} (empty);</li>
 * <li>{@code DAYBOOK_TEST_POSTGRES}: {@code required} fails the run when the server does not answer
 * (CI); {@code off} skips the PostgreSQL run. Otherwise a server that does not answer skips it, and
 * one that answers but refuses to create the database fails it, saying why.</li>
 * </ul>
 */
public final class TestDatabase {

    public static final String POSTGRES_ADMIN_URL =
            System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES_USER", "postgres");
    public static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES_PASSWORD", "");

    private static TestDatabase current;

    private final String kind;
    private final String url;
    private final String username;
    private final String password;
    private final String unavailableBecause;
    private final boolean serverAnswered;

    private TestDatabase(String kind, String url, String username, String password, String unavailableBecause,
                         boolean serverAnswered) {
        this.kind = kind;
        this.url = url;
        this.username = username;
        this.password = password;
        this.unavailableBecause = unavailableBecause;
        this.serverAnswered = serverAnswered;
    }

    public static synchronized TestDatabase current() {
        if (current == null) {
            if (!"postgresql".equals(System.getProperty("daybook.test.database", "h2"))) {
                current = h2();
            } else if (postgresOff()) {
                current = new TestDatabase("postgresql", null, null, null,
                        "DAYBOOK_TEST_POSTGRES=off: the PostgreSQL run is skipped", false);
            } else {
                current = postgres(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                if (current.available()) {
                    String name = current.url.substring(current.url.lastIndexOf('/') + 1);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> current.drop(name)));
                }
            }
        }
        return current;
    }

    public static boolean postgresRequired() {
        return "required".equalsIgnoreCase(System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES", ""));
    }

    private static boolean postgresOff() {
        return "off".equalsIgnoreCase(System.getenv().getOrDefault("DAYBOOK_TEST_POSTGRES", ""));
    }

    private static TestDatabase h2() {
        return new TestDatabase("h2", "jdbc:h2:mem:daybook-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;DB_CLOSE_DELAY=-1",
                "sa", "", null, true);
    }

    /** A fresh, empty PostgreSQL database for one test, on the suite's server; the caller drops it. */
    public static TestDatabase freshPostgres() {
        return postgres(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
    }

    /** Creates a fresh database on the server {@code adminUrl} points at; the caller drops it. */
    static TestDatabase postgres(String adminUrl, String user, String password) {
        String name = "daybook_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        String connectedTo = adminUrl;
        SQLException last = null;
        for (String candidate : new String[] {adminUrl, server + "postgres", server + "template1"}) {
            try (Connection admin = DriverManager.getConnection(candidate, user, password);
                 Statement sql = admin.createStatement()) {
                sql.execute("create database " + name);
                return new TestDatabase("postgresql", server + name, user, password, null, true)
                        .withAdmin(candidate);
            } catch (SQLException e) {
                last = e;
                connectedTo = candidate;
                if (!"3D000".equals(e.getSQLState())) { // anything but "that database does not exist"
                    break;
                }
            }
        }
        boolean answered = last.getSQLState() == null || !last.getSQLState().startsWith("08");
        return new TestDatabase("postgresql", null, null, null, answered
                ? "PostgreSQL answers at " + connectedTo + " but the tests could not create their database as "
                        + user + ": " + last.getMessage() + " (set DAYBOOK_TEST_POSTGRES_USER/_PASSWORD, or "
                        + "DAYBOOK_TEST_POSTGRES=off to skip the PostgreSQL run)"
                : "PostgreSQL at " + adminUrl + " is not reachable: " + last.getMessage(), answered);
    }

    private String adminUrl;

    private TestDatabase withAdmin(String admin) {
        this.adminUrl = admin;
        return this;
    }

    /** Drops this database, created by {@link #freshPostgres()}. */
    public void drop() {
        drop(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Drops a database this class created; a leftover one after a crash is harmless. */
    void drop(String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, username, password);
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // The run is over; a leftover test database is harmless.
        }
    }

    /** Whether a server answered: then a database it would not create is an error, not a reason to skip. */
    public boolean serverAnswered() {
        return serverAnswered;
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
