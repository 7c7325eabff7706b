package dev.daybook.operations;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Before the connection pool opens: completes an H2 URL with the options Daybook needs (also one a
 * person wrote in {@code SPRING_DATASOURCE_URL}), makes its path absolute, and says in the log where
 * the data lives, so a database started from the wrong directory is seen at once rather than found
 * empty.
 */
@Component
class DataLocation implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DataLocation.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            String url = pool.getJdbcUrl();
            Path workingDirectory = Path.of("").toAbsolutePath();
            if (H2Url.isH2(url) && !H2Url.isInMemory(url)) {
                String completed = H2Url.complete(url, workingDirectory);
                pool.setJdbcUrl(completed);
                log.info("Data: H2 database {} (set DAYBOOK_DATA_DIR, or SPRING_DATASOURCE_URL for PostgreSQL, to move it)",
                        H2Url.databaseFile(completed, workingDirectory).map(Path::toString).orElse(withoutSecrets(completed)));
            } else if (!H2Url.isInMemory(url)) {
                log.info("Data: {}", withoutSecrets(url));
            }
        }
        return bean;
    }

    /** A JDBC URL may carry {@code ?password=…}: only what comes before the parameters is logged. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int semicolon = base.indexOf(';');
        return semicolon < 0 ? base : base.substring(0, semicolon);
    }
}
