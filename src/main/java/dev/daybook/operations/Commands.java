package dev.daybook.operations;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Commands of the jar that run instead of the application:
 * {@code java -jar daybook.jar migrate-to-postgres --from <h2 url> --to <postgresql url> …}.
 */
public final class Commands {

    private static final String USAGE = """
            Usage: java -jar daybook.jar migrate-to-postgres --from <H2 JDBC URL> --to <PostgreSQL JDBC URL>
                     [--from-user sa] [--from-password ""] [--to-user <user>] [--to-password <password>]
              Copies every table of a stopped Daybook's H2 database into an empty PostgreSQL database
              and checks the counts. Stop Daybook first: H2 lets one process open its file.
              The passwords may come from DAYBOOK_FROM_PASSWORD and DAYBOOK_TO_PASSWORD instead.
              Example: java -jar daybook.jar migrate-to-postgres --from jdbc:h2:file:/var/lib/daybook/daybook \\
                         --to jdbc:postgresql://db.internal:5432/daybook --to-user daybook
            """;

    private Commands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && args[0].equals("migrate-to-postgres");
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (!name.startsWith("--") || i + 1 >= args.length) {
                err.println("migrate-to-postgres: " + name + (name.startsWith("--") ? " needs a value" : " is not an option"));
                err.print(USAGE);
                return 2;
            }
            options.put(name.substring(2), args[++i]);
        }
        for (String unknown : options.keySet()) {
            if (!Set.of("from", "to", "from-user", "from-password", "to-user", "to-password").contains(unknown)) {
                err.println("migrate-to-postgres: unknown option --" + unknown);
                err.print(USAGE);
                return 2;
            }
        }
        if (!options.containsKey("from") || !options.containsKey("to")) {
            err.println("migrate-to-postgres: --from and --to are required.");
            err.print(USAGE);
            return 2;
        }
        var from = new MoveToPostgres.Database(options.get("from"), options.getOrDefault("from-user", "sa"),
                options.getOrDefault("from-password", System.getenv().getOrDefault("DAYBOOK_FROM_PASSWORD", "")));
        var to = new MoveToPostgres.Database(options.get("to"), options.getOrDefault("to-user", "postgres"),
                options.getOrDefault("to-password", System.getenv().getOrDefault("DAYBOOK_TO_PASSWORD", "")));
        try {
            MoveToPostgres.copy(from, to, out);
            out.println("Done. Start Daybook with SPRING_DATASOURCE_URL=" + to.url() + " (and its user and password).");
            return 0;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("Database may be already in use") || message.contains("already in use")) {
                message = "the H2 database is open in another process: stop Daybook first. (" + message.lines().findFirst().orElse("") + ")";
            }
            err.println("migrate-to-postgres failed, nothing was copied: " + message);
            return 1;
        }
    }
}
