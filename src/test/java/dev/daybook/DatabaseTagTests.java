package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.TestDatabase;

/**
 * The PostgreSQL run repeats exactly the tests tagged {@code database}: this keeps that selection
 * honest. A test class that runs Daybook on the test database (a {@link SlackAppTest}, an
 * {@link AppInstance}, {@link TestDatabase#current()}) is tagged, or it would never meet PostgreSQL;
 * and a tagged class runs on it, or the PostgreSQL run spends minutes on tests that cannot differ there.
 */
class DatabaseTagTests {

    /** On the test database but deliberately not repeated on PostgreSQL, and why. */
    private static final Map<String, String> H2_ONLY = Map.of(
            "dev.daybook.slack.transport.SocketModeTests", "the Socket Mode connection; nothing in it depends on the database",
            "dev.daybook.slack.transport.WithoutSlackCredentialsTests", "starting without Slack credentials; nothing in it depends on the database");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.daybook");

    @Test
    void theTestsTaggedDatabaseAreTheOnesThatRunOnTheTestDatabase() {
        List<String> untagged = new ArrayList<>();
        List<String> taggedWithoutDatabase = new ArrayList<>();
        for (JavaClass test : TESTS) {
            if (test.getEnclosingClass().isPresent() || test.getModifiers().contains(JavaModifier.ABSTRACT)
                    || !(test.getSimpleName().endsWith("Tests") || test.getSimpleName().endsWith("IT"))) {
                continue;
            }
            boolean tagged = Arrays.stream(test.reflect().getAnnotationsByType(Tag.class))
                    .anyMatch(tag -> tag.value().equals("database"));
            boolean onTheTestDatabase = onTheTestDatabase(test);
            if (onTheTestDatabase && !tagged && !H2_ONLY.containsKey(test.getName())) {
                untagged.add(test.getName());
            }
            if (tagged && !onTheTestDatabase) {
                taggedWithoutDatabase.add(test.getName());
            }
        }
        assertThat(untagged).as("run on the test database but not tagged database (or listed in H2_ONLY)").isEmpty();
        assertThat(taggedWithoutDatabase).as("tagged database but never on the test database").isEmpty();
        assertThat(H2_ONLY.keySet()).allSatisfy(name -> assertThat(TESTS.contain(name)).as(name).isTrue());
    }

    private static boolean onTheTestDatabase(JavaClass test) {
        if (test.isAssignableTo(SlackAppTest.class)) {
            return true;
        }
        // The class itself, its nested classes and its lambdas.
        return TESTS.stream()
                .filter(c -> c.equals(test) || c.getName().startsWith(test.getName() + "$"))
                .flatMap(c -> c.getAccessesFromSelf().stream())
                .anyMatch(access -> access.getTargetOwner().isEquivalentTo(AppInstance.class)
                        || (access.getTargetOwner().isEquivalentTo(TestDatabase.class) && access.getName().equals("current")));
    }
}
