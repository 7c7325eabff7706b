package dev.daybook.operations;

import java.io.PrintStream;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;

/**
 * Copies a team's whole history from an H2 database (the trial) into an empty PostgreSQL database
 * (production): both are first brought to the latest schema by Flyway, then every table is copied
 * in the order of its foreign keys, in one PostgreSQL transaction, from one consistent read of the
 * H2 database; identity sequences continue after the copied ids; every table's count is compared.
 * Any failure rolls the copy back: PostgreSQL is left empty, and H2 is never written but by Flyway.
 */
public final class MoveToPostgres {

    /** Flyway's own history is written by Flyway on each side; everything else is Daybook's (and Quartz's). */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history");

    public record Database(String url, String user, String password) {
    }

    /** What was copied: table → rows, in copy order. */
    public record Result(Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private MoveToPostgres() {
    }

    public static Result copy(Database from, Database to, PrintStream out) throws SQLException {
        if (!H2Url.isH2(from.url())) {
            throw new IllegalArgumentException("--from must be an H2 JDBC URL (jdbc:h2:file:/path/to/data/daybook)");
        }
        if (!to.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/daybook)");
        }
        String source = H2Url.complete(from.url(), java.nio.file.Path.of("").toAbsolutePath());
        try (Connection target = DriverManager.getConnection(to.url(), to.user(), to.password())) {
            requireEmpty(target);
        }
        out.println("Bringing both databases to the latest schema ...");
        flyway(new Database(source, from.user(), from.password()), "h2").migrate();
        flyway(to, "postgresql").migrate();

        try (Connection h2 = DriverManager.getConnection(source, from.user(), from.password());
             Connection pg = DriverManager.getConnection(to.url(), to.user(), to.password())) {
            // One snapshot of the source, however long the copy takes; one transaction on the target.
            h2.setAutoCommit(false);
            h2.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            h2.setReadOnly(true);
            pg.setAutoCommit(false);
            try {
                Map<String, Long> copied = new LinkedHashMap<>();
                for (String table : tablesInForeignKeyOrder(pg)) {
                    long rows = copyTable(h2, pg, table);
                    copied.put(table, rows);
                    out.printf("  %-32s %,10d rows%n", table, rows);
                }
                continueIdentities(pg);
                List<String> mismatches = new ArrayList<>();
                for (String table : copied.keySet()) {
                    long there = count(pg, table);
                    long here = count(h2, table);
                    if (there != here) {
                        mismatches.add(table + ": " + here + " in H2, " + there + " in PostgreSQL");
                    }
                }
                if (!mismatches.isEmpty()) {
                    throw new SQLException("the counts differ, nothing was kept: " + String.join("; ", mismatches));
                }
                pg.commit();
                h2.rollback();
                Result result = new Result(copied);
                out.printf("Copied %,d rows in %d tables; every count matches.%n", result.total(), copied.size());
                return result;
            } catch (SQLException | RuntimeException e) {
                pg.rollback();
                h2.rollback();
                throw e;
            }
        }
    }

    private static void requireEmpty(Connection target) throws SQLException {
        try (Statement sql = target.createStatement();
             ResultSet tables = sql.executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
            List<String> found = new ArrayList<>();
            while (tables.next()) {
                found.add(tables.getString(1));
            }
            if (!found.isEmpty()) {
                throw new IllegalStateException("the PostgreSQL database is not empty (it has "
                        + String.join(", ", found.subList(0, Math.min(5, found.size())))
                        + (found.size() > 5 ? ", …" : "") + "): create an empty one (createdb daybook) and try again");
            }
        }
    }

    private static Flyway flyway(Database database, String vendor) {
        return Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load();
    }

    /** Every table of the schema, each after the tables its foreign keys point at. */
    static List<String> tablesInForeignKeyOrder(Connection pg) throws SQLException {
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        try (Statement sql = pg.createStatement();
             ResultSet tables = sql.executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (!NOT_COPIED.contains(table)) {
                    dependsOn.put(table, new LinkedHashSet<>());
                }
            }
        }
        try (Statement sql = pg.createStatement();
             ResultSet keys = sql.executeQuery("select c.conrelid::regclass::text, c.confrelid::regclass::text "
                     + "from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                     + "where c.contype = 'f' and n.nspname = current_schema()")) {
            while (keys.next()) {
                String table = unquote(keys.getString(1));
                String referenced = unquote(keys.getString(2));
                if (dependsOn.containsKey(table) && !table.equals(referenced) && dependsOn.containsKey(referenced)) {
                    dependsOn.get(table).add(referenced);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < dependsOn.size()) {
            boolean progress = false;
            for (var entry : dependsOn.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    ordered.add(entry.getKey());
                    placed.add(entry.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + dependsOn.keySet());
            }
        }
        return ordered;
    }

    private static long copyTable(Connection h2, Connection pg, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = pg.prepareStatement("select column_name from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        String list = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        long copied = 0;
        try (Statement read = h2.createStatement();
             ResultSet rows = read.executeQuery("select " + list + " from \"" + table + "\"");
             PreparedStatement write = pg.prepareStatement("insert into \"" + table + "\" (" + list + ") "
                     + "overriding system value values (" + marks + ")")) {
            read.setFetchSize(500);
            while (rows.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    write.setObject(i, portable(rows.getObject(i)));
                }
                write.addBatch();
                if (++copied % 500 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return copied;
    }

    /** Large objects are read out of H2 as bytes and text, which PostgreSQL's bytea and text take. */
    private static Object portable(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value;
    }

    /**
     * New rows in PostgreSQL get ids after the copied ones: identity columns, and columns whose
     * default draws from a sequence of its own ({@code nextval('update_item_seq')}, which Hibernate
     * hands out in blocks).
     */
    private static void continueIdentities(Connection pg) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement sql = pg.createStatement();
             ResultSet rows = sql.executeQuery("select table_name, column_name, "
                     + "coalesce(pg_get_serial_sequence(quote_ident(table_name), column_name), "
                     + "substring(column_default from 'nextval\\(''([^'']+)''')) "
                     + "from information_schema.columns where table_schema = current_schema() "
                     + "and (is_identity = 'YES' or column_default like 'nextval(%')")) {
            while (rows.next()) {
                identities.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        try (Statement sql = pg.createStatement()) {
            for (String[] identity : identities) {
                if (identity[2] == null) {
                    throw new SQLException("cannot tell which sequence numbers " + identity[0] + "." + identity[1]);
                }
                sql.execute("select setval('" + identity[2].replace("'", "''") + "', "
                        + "coalesce((select max(\"" + identity[1] + "\") from \"" + identity[0] + "\"), 0) + 1, false)");
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from \"" + table + "\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String unquote(String name) {
        return name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
