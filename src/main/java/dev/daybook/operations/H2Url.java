package dev.daybook.operations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Completes an H2 JDBC URL with the options Daybook needs, whoever wrote the URL, and makes a
 * relative database path absolute, so that where the data lives never depends on the directory a
 * service manager happens to start Daybook from. Plain Java, no I/O.
 */
public final class H2Url {

    /**
     * The options every file database of Daybook's needs. Values a URL states itself are kept.
     * <ul>
     * <li>{@code MODE}, {@code DATABASE_TO_LOWER}, {@code DEFAULT_NULL_ORDERING}: the migrations and
     * queries are written for PostgreSQL and run on H2 in its PostgreSQL mode;</li>
     * <li>{@code QUERY_CACHE_SIZE}: H2 keeps only 8 parsed statements per connection unless told,
     * fewer than recording one update uses;</li>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: otherwise H2's own shutdown hook closes the database while
     * Daybook is still finishing its work ("Database is already closed"), and that work is lost;</li>
     * <li>{@code WRITE_DELAY=0}: a committed transaction is on disk at once, not up to half a second
     * later: a crash or power cut loses nothing that was acknowledged.</li>
     * </ul>
     */
    public static final Map<String, String> REQUIRED = requiredOptions();

    private H2Url() {
    }

    private static Map<String, String> requiredOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("MODE", "PostgreSQL");
        options.put("DATABASE_TO_LOWER", "TRUE");
        options.put("DEFAULT_NULL_ORDERING", "HIGH");
        options.put("QUERY_CACHE_SIZE", "256");
        options.put("DB_CLOSE_ON_EXIT", "FALSE");
        options.put("WRITE_DELAY", "0");
        return java.util.Collections.unmodifiableMap(options);
    }

    public static boolean isH2(String url) {
        return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
    }

    /** An in-memory database (tests, the fast-start training run): left as it is. */
    public static boolean isInMemory(String url) {
        return isH2(url) && url.substring(8).toLowerCase(Locale.ROOT).startsWith("mem:");
    }

    /**
     * {@code url} with every {@link #REQUIRED} option it lacks appended and, for a file database, its
     * path made absolute against {@code workingDirectory}. Any URL that is not an H2 file or server
     * URL is returned unchanged.
     */
    public static String complete(String url, Path workingDirectory) {
        if (!isH2(url) || isInMemory(url)) {
            return url;
        }
        int semicolon = url.indexOf(';');
        String database = semicolon < 0 ? url.substring(8) : url.substring(8, semicolon);
        List<String> options = new ArrayList<>();
        if (semicolon >= 0) {
            for (String option : url.substring(semicolon + 1).split(";")) {
                if (!option.isBlank()) {
                    options.add(option);
                }
            }
        }
        StringBuilder completed = new StringBuilder("jdbc:h2:").append(absolute(database, workingDirectory));
        for (String option : options) {
            completed.append(';').append(option);
        }
        REQUIRED.forEach((name, value) -> {
            if (options.stream().noneMatch(option -> optionName(option).equals(name))) {
                completed.append(';').append(name).append('=').append(value);
            }
        });
        return completed.toString();
    }

    /** The file H2 keeps a file database in ({@code <path>.mv.db}), when the URL names one. */
    public static Optional<Path> databaseFile(String url, Path workingDirectory) {
        if (!isH2(url) || isInMemory(url)) {
            return Optional.empty();
        }
        String completed = complete(url, workingDirectory);
        int semicolon = completed.indexOf(';');
        String database = semicolon < 0 ? completed.substring(8) : completed.substring(8, semicolon);
        if (database.regionMatches(true, 0, "file:", 0, 5)) {
            database = database.substring(5);
        } else if (database.contains(":") && !looksLikeWindowsPath(database)) {
            return Optional.empty(); // tcp:, ssl:, zip:… : not a file of this machine's
        }
        return Optional.of(Path.of(database + ".mv.db"));
    }

    private static String absolute(String database, Path workingDirectory) {
        String prefix = "";
        String path = database;
        if (database.regionMatches(true, 0, "file:", 0, 5)) {
            prefix = database.substring(0, 5);
            path = database.substring(5);
        } else if (database.contains(":") && !looksLikeWindowsPath(database)) {
            return database; // a server (tcp:, ssl:) or another store: its path is the server's business
        }
        if (path.startsWith("~") || Path.of(path).isAbsolute()) {
            return prefix + path;
        }
        return prefix + workingDirectory.resolve(path).toAbsolutePath().normalize();
    }

    private static boolean looksLikeWindowsPath(String path) {
        return path.length() > 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
    }

    private static String optionName(String option) {
        int equals = option.indexOf('=');
        return (equals < 0 ? option : option.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
    }
}
