package dev.daybook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class H2UrlTests {

    private static final Path HERE = Path.of("/srv/daybook");

    @Test
    void aRelativeDirectoryIsResolvedAgainstTheWorkingDirectory() {
        assertThat(H2Url.complete("jdbc:h2:file:./data/daybook", HERE)).startsWith("jdbc:h2:file:/srv/daybook/data/daybook;");
        assertThat(H2Url.complete("jdbc:h2:file:data/daybook", HERE)).startsWith("jdbc:h2:file:/srv/daybook/data/daybook;");
        assertThat(H2Url.complete("jdbc:h2:../elsewhere/db", HERE)).startsWith("jdbc:h2:/srv/elsewhere/db;");
        assertThat(H2Url.complete("jdbc:h2:file:/var/lib/daybook/daybook", HERE)).startsWith("jdbc:h2:file:/var/lib/daybook/daybook;");
        assertThat(H2Url.complete("jdbc:h2:~/daybook", HERE)).startsWith("jdbc:h2:~/daybook;");
        assertThat(H2Url.databaseFile("jdbc:h2:file:./data/daybook;MODE=PostgreSQL", HERE))
                .contains(Path.of("/srv/daybook/data/daybook.mv.db"));
    }

    @Test
    void aPersonsOwnUrlGetsEveryOptionItLacksAndKeepsTheOnesItStates() {
        String completed = H2Url.complete("jdbc:h2:file:/var/lib/daybook/db;mode=PostgreSQL;QUERY_CACHE_SIZE=512", HERE);
        assertThat(completed).isEqualTo("jdbc:h2:file:/var/lib/daybook/db;mode=PostgreSQL;QUERY_CACHE_SIZE=512"
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        String bare = H2Url.complete("jdbc:h2:file:/var/lib/daybook/db", HERE);
        assertThat(bare).contains(";DB_CLOSE_ON_EXIT=FALSE").contains(";WRITE_DELAY=0").contains(";MODE=PostgreSQL");
        assertThat(H2Url.complete(bare, HERE)).as("completing twice changes nothing").isEqualTo(bare);
    }

    @Test
    void otherDatabasesAndInMemoryOnesAreLeftAlone() {
        for (String url : new String[] {"jdbc:postgresql://db:5432/daybook", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"}) {
            assertThat(H2Url.complete(url, HERE)).isEqualTo(url);
            assertThat(H2Url.databaseFile(url, HERE)).isEmpty();
        }
        assertThat(H2Url.complete("jdbc:h2:tcp://db.internal/daybook", HERE))
                .startsWith("jdbc:h2:tcp://db.internal/daybook;MODE=PostgreSQL");
        assertThat(H2Url.databaseFile("jdbc:h2:tcp://db.internal/daybook", HERE)).isEmpty();
    }

    @Test
    void secretsInAUrlAreNotLogged() {
        assertThat(DataLocation.withoutSecrets("jdbc:postgresql://db:5432/daybook?user=d&password=hunter2"))
                .isEqualTo("jdbc:postgresql://db:5432/daybook");
    }
}
