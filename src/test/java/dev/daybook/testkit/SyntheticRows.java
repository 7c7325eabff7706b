package dev.daybook.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

/**
 * One row in every empty table of a schema, in a workspace of its own ({@code T0MOVE}): foreign keys
 * point at that workspace's rows where it has some (else the newest row), required columns are
 * filled by type. For tests that need "a record of every kind" (moving databases, upgrading).
 */
public final class SyntheticRows {

    public static final String TEAM = "T0MOVE";

    private SyntheticRows() {
    }

    private static String q(String schema, String table) {
        return "\"" + schema + "\".\"" + table + "\"";
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * What no flow above wrote (OAuth installs, prompts, schedules…): one row each, in a workspace of
     * its own ({@code T0MOVE}), its foreign keys pointing at the newest rows, its required columns
     * filled by type. Together with the flows, every kind of record is in the trial.
     */
    public static void fillEmptyTables(Connection h2, String schema, Set<String> skip) throws SQLException {
        try (Statement sql = h2.createStatement()) {
            // The workspace's own project, so that no row below points into another test's project.
            sql.execute("insert into " + q(schema, "project") + " (team_id, channel_id, name, default_category, share_mode, archived, created_at) "
                    + "values ('T0MOVE', 'C0MOVE', 'move-synthetic', 'CORE', 'CHANNEL', false, current_timestamp)");
            var meta = h2.getMetaData();
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            tables.sort(null);
            // Referenced tables first: a few passes settle the order without reading the foreign keys twice.
            for (int pass = 0; pass < 4; pass++) {
                for (String table : tables) {
                    if (skip.contains(table) || table.equals("flyway_schema_history")
                            || single(sql, "select count(*) from " + q(schema, table) + "") > 0) {
                        continue;
                    }
                    Map<String, String> references = new java.util.HashMap<>();
                    try (ResultSet keys = meta.getImportedKeys(null, schema, table)) {
                        while (keys.next()) {
                            references.put(keys.getString("FKCOLUMN_NAME"), keys.getString("PKTABLE_NAME") + "."
                                    + keys.getString("PKCOLUMN_NAME"));
                        }
                    }
                    java.util.List<String> names = new java.util.ArrayList<>();
                    java.util.List<String> values = new java.util.ArrayList<>();
                    boolean ready = true;
                    try (ResultSet columns = meta.getColumns(null, schema, table, "%")) {
                        while (columns.next()) {
                            String column = columns.getString("COLUMN_NAME");
                            boolean required = "NO".equals(columns.getString("IS_NULLABLE"));
                            boolean generated = "YES".equals(columns.getString("IS_AUTOINCREMENT"));
                            if (generated || !required && !references.containsKey(column)) {
                                continue;
                            }
                            String value;
                            if (references.containsKey(column)) {
                                String[] target = references.get(column).split("\\.");
                                long id = single(sql, "select coalesce(max(\"" + target[1] + "\"), -1) from " + q(schema, target[0]) + ""
                                        + (hasTeam(meta, schema, target[0]) ? " where team_id = 'T0MOVE'" : ""));
                                if (id < 0) {
                                    id = single(sql, "select coalesce(max(\"" + target[1] + "\"), -1) from " + q(schema, target[0]) + "");
                                }
                                if (id < 0) {
                                    ready = false;
                                    break;
                                }
                                value = Long.toString(id);
                            } else {
                                value = "uuid".equalsIgnoreCase(columns.getString("TYPE_NAME"))
                                        ? "'00000000-0000-4000-8000-000000000001'"
                                        : literal(column, columns.getInt("DATA_TYPE"), columns.getInt("COLUMN_SIZE"));
                            }
                            names.add("\"" + column + "\"");
                            values.add(value);
                        }
                    }
                    if (ready) {
                        sql.execute("insert into " + q(schema, table) + " (" + String.join(", ", names) + ") values ("
                                + String.join(", ", values) + ")");
                    }
                }
            }
        }
    }

    private static String literal(String column, int type, int size) {
        return switch (type) {
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> "false";
            case java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.SMALLINT, java.sql.Types.TINYINT -> "1";
            case java.sql.Types.DOUBLE, java.sql.Types.FLOAT, java.sql.Types.REAL, java.sql.Types.NUMERIC,
                 java.sql.Types.DECIMAL -> "0.5";
            case java.sql.Types.DATE -> "date '2026-11-24'";
            case java.sql.Types.TIME -> "time '16:00:00'";
            case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp with time zone '2026-11-24 10:00:00+00'";
            case java.sql.Types.BLOB, java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY -> "X'00ff'";
            default -> "'" + (column.equals("team_id") ? "T0MOVE" : shortened("m" + column, size)) + "'";
        };
    }

    private static boolean hasTeam(java.sql.DatabaseMetaData meta, String schema, String table) throws SQLException {
        try (ResultSet column = meta.getColumns(null, schema, table, "team_id")) {
            return column.next();
        }
    }

    /** Takes the synthetic workspace out of the shared database again, children first. */
    public static void remove(Connection h2, String schema) {
        try (Statement sql = h2.createStatement()) {
            var meta = h2.getMetaData();
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (int pass = 0; pass < 4; pass++) {
                for (String table : tables) {
                    if (hasTeam(meta, schema, table)) {
                        try {
                            sql.execute("delete from " + q(schema, table) + " where team_id = 'T0MOVE'");
                        } catch (SQLException stillReferenced) {
                            // a child goes in this pass; its parent in the next
                        }
                    }
                }
            }
        } catch (SQLException ignored) {
            // best effort: the rows belong to a workspace no other test uses
        }
    }

    private static String shortened(String text, int size) {
        return text.substring(0, Math.min(text.length(), Math.min(size > 0 ? size : 8, 8)));
    }

}
