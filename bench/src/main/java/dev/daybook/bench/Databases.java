package dev.daybook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A fresh, empty database for one run of Daybook: an H2 file in a temporary directory, or a new PostgreSQL database. */
record Databases(String kind, String url, String user, String password, String dropName) {

    static final String POSTGRES_ADMIN_URL = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String POSTGRES_USER = System.getProperty("bench.postgres.user", "postgres");

    /**
     * An H2 file database with the bundled default's settings. With {@code seeded}, {@code AUTO_SERVER}
     * lets the harness write into it over TCP while Daybook has it open (Daybook itself still uses it
     * embedded; H2 does not allow {@code DB_CLOSE_ON_EXIT=FALSE} with it).
     */
    static Databases h2(String name, boolean seeded) {
        try {
            Path dir = Files.createTempDirectory("bench-h2-");
            return new Databases("H2", "jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;WRITE_DELAY=0;" + (seeded ? "AUTO_SERVER=TRUE" : "DB_CLOSE_ON_EXIT=FALSE"), "sa", "", null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Databases postgresql(String name) {
        String database = "bench_" + name + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_ADMIN_URL + " is needed: " + e.getMessage(), e);
        }
        return new Databases("PostgreSQL", POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + database,
                POSTGRES_USER, "", database);
    }

    static boolean postgresqlReachable() {
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    Map<String, String> env() {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Drops a PostgreSQL database once Daybook has stopped using it; H2 files go with the temporary directory. */
    void drop() {
        if (dropName == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + dropName);
        } catch (SQLException e) {
            System.err.println("could not drop " + dropName + ": " + e.getMessage());
        }
    }
}
