package dev.daybook.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup}: an online backup of the embedded H2 database while Daybook runs,
 * into {@code DAYBOOK_DATA_DIR/backups/daybook-<UTC time>.zip}. A file database is copied with H2's
 * {@code BACKUP TO} (consistent, while in use); an in-memory one is written as SQL ({@code SCRIPT}).
 * The file name is Daybook's, never the caller's, and one backup runs at a time. On PostgreSQL it
 * answers 409 and names {@code pg_dump}. Keep {@code /actuator} on the private management port.
 */
@Component
@Endpoint(id = "backup")
class BackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(BackupEndpoint.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path directory;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    BackupEndpoint(DataSource dataSource, @Value("${daybook.data-dir:./data}") String dataDir, Clock clock) {
        this.dataSource = dataSource;
        this.directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("backups");
        this.clock = clock;
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> backup() throws Exception {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!running.tryLock()) {
            answer.put("message", "A backup is running; try again when it has finished.");
            return new WebEndpointResponse<>(answer, 429);
        }
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (!H2Url.isH2(url)) {
                answer.put("message", "Daybook runs on PostgreSQL: back it up with pg_dump, for example "
                        + "pg_dump --format=custom --file=daybook.dump daybook (see docs/operations.md).");
                return new WebEndpointResponse<>(answer, 409);
            }
            Files.createDirectories(directory);
            Path file = directory.resolve("daybook-" + STAMP.format(clock.instant()) + ".zip");
            String target = file.toString().replace("'", "''");
            try (Statement sql = connection.createStatement()) {
                if (H2Url.isInMemory(url)) {
                    sql.execute("SCRIPT TO '" + target + "' COMPRESSION ZIP");
                    answer.put("format", "sql");
                } else {
                    sql.execute("BACKUP TO '" + target + "'");
                    answer.put("format", "h2");
                }
            }
            answer.put("file", file.toString());
            answer.put("bytes", Files.size(file));
            log.info("Backup of the H2 database written to {} ({} bytes).", file, answer.get("bytes"));
            return new WebEndpointResponse<>(answer, 200);
        } catch (SQLException e) {
            log.warn("Backup failed: {}", e.getMessage());
            answer.put("message", "The backup failed: " + e.getMessage());
            return new WebEndpointResponse<>(answer, 500);
        } finally {
            running.unlock();
        }
    }
}
