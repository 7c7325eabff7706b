package dev.daybook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** The test command needs nothing on the PostgreSQL server but a user that may create databases. */
class TestDatabaseTests {

    private static final String SERVER = POSTGRES_SERVER();

    private static String POSTGRES_SERVER() {
        String admin = TestDatabase.POSTGRES_ADMIN_URL;
        return admin.substring(0, admin.lastIndexOf('/') + 1);
    }

    @Test
    void theSuiteMakesItsOwnDatabaseEvenWhenTheOneItIsPointedAtDoesNotExistAndDropsIt() throws SQLException {
        TestDatabase database = TestDatabase.postgres(SERVER + "no_such_database_" + System.nanoTime(),
                TestDatabase.POSTGRES_USER, TestDatabase.POSTGRES_PASSWORD);
        assumeTrue(database.available() || TestDatabase.postgresRequired(), "no PostgreSQL server answers");
        assertThat(database.available()).as(database.unavailableBecause()).isTrue();
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            assertThat(connection.isValid(2)).isTrue();
        }
        database.drop(name);
        assertThat(exists(name)).isFalse();
    }

    @Test
    void aServerThatDoesNotAnswerSkipsTheRunUnlessItIsRequired() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TestDatabase nowhere = TestDatabase.postgres("jdbc:postgresql://127.0.0.1:" + closed + "/postgres?connectTimeout=2",
                "postgres", "");
        assertThat(nowhere.available()).isFalse();
        assertThat(nowhere.serverAnswered()).isFalse();
        assertThat(DatabaseAvailable.decide(nowhere, false).isDisabled()).isTrue();
        assertThatThrownBy(() -> DatabaseAvailable.decide(nowhere, true))
                .hasMessageContaining("PostgreSQL is required for this run").hasMessageContaining("not reachable");
    }

    @Test
    void aServerThatAnswersButRefusesFailsTheRunSayingWhatToSet() {
        TestDatabase refused = TestDatabase.postgres(SERVER + "postgres", "no_such_role_" + System.nanoTime(), "wrong");
        assumeTrue(refused.serverAnswered(), "no PostgreSQL server answers");
        assertThat(refused.available()).isFalse();
        assertThatThrownBy(() -> DatabaseAvailable.decide(refused, false))
                .hasMessageContaining("could not create their database").hasMessageContaining("DAYBOOK_TEST_POSTGRES_USER");
    }

    private static boolean exists(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", TestDatabase.POSTGRES_USER,
                TestDatabase.POSTGRES_PASSWORD);
             ResultSet rows = admin.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return rows.next();
        }
    }
}
