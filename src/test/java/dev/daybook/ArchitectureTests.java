package dev.daybook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import dev.daybook.budget.BoltInBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of docs/development.md that Spring Modulith's verification does not check by itself:
 * it sees dependencies between Daybook's modules, not on Slack's SDK, and not how a module hides its
 * persistence.
 */
class ArchitectureTests {

    private static final JavaClasses DAYBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Code Spring's ahead-of-time processing generated from the application (Foo__BeanDefinitions,
            // the context initializer that names every bean): wiring, not a dependency anyone wrote.
            .withImportOption(location -> !location.contains("__"))
            .importPackages("dev.daybook");

    /** Bolt, the Web API client, Block Kit models, Socket Mode: everything under {@code com.slack}. */
    static final ArchRule ONLY_THE_SLACK_EDGE_USES_SLACKS_SDK = noClasses()
            .that().resideOutsideOfPackage("dev.daybook.slack..")
            .should().dependOnClassesThat().resideInAPackage("com.slack..")
            .because("Slack's SDK is the slack module's business; features publish events instead");

    @Test
    void onlyTheSlackEdgeUsesSlacksSdk() {
        ONLY_THE_SLACK_EDGE_USES_SLACKS_SDK.check(DAYBOOK);
    }

    @Test
    void aFeatureThatUsesSlacksSdkFailsTheRule() {
        // Fixtures in dev.daybook.budget (test sources, so not part of DAYBOOK): a Bolt field, a Block Kit
        // type argument, the SDK used only inside a method. Each on its own must be refused.
        for (Class<?> fixture : BoltInBudget.ALL) {
            JavaClasses budget = new ClassFileImporter().importClasses(fixture);
            assertThat(ONLY_THE_SLACK_EDGE_USES_SLACKS_SDK.evaluate(budget).hasViolation())
                    .as("a class in budget that uses Slack's SDK (%s)", fixture.getSimpleName()).isTrue();
        }
        // And the rule does not refuse everything: the Slack edge itself may use the SDK.
        assertThat(ONLY_THE_SLACK_EDGE_USES_SLACKS_SDK.evaluate(DAYBOOK).hasViolation()).isFalse();
    }

    @Test
    void noFeatureDependsOnTheSlackEdge() {
        noClasses().that().resideOutsideOfPackage("dev.daybook.slack..")
                .should().dependOnClassesThat().resideInAPackage("dev.daybook.slack..")
                .because("features must work without Slack: the edge depends on them, never the other way")
                .check(DAYBOOK);
    }

    @Test
    void entitiesStayInsideTheirModule() {
        // An entity may be public in a module's internal sub-package (say updates.storage), which
        // other modules cannot reach; never in what a module exposes (its root or a named interface).
        ApplicationModules modules = ApplicationModules.of(DaybookApplication.class);
        List<String> exposed = DAYBOOK.stream()
                .filter(type -> type.isAnnotatedWith(Entity.class))
                .filter(entity -> entity.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(entity -> modules.getModuleByType(entity.getName()).map(module -> module.isExposed(entity.reflect())).orElse(true))
                .map(JavaClass::getName)
                .toList();
        assertThat(exposed).as("entities a module shows to others: a module shows records and services, not its tables")
                .isEmpty();
        // The check sees what a module exposes: the service at updates' root is, its tables are not.
        ApplicationModule updates = modules.getModuleByName("updates").orElseThrow();
        assertThat(updates.isExposed(dev.daybook.updates.UpdateService.class)).isTrue();
        assertThat(DAYBOOK.stream().filter(type -> type.isAnnotatedWith(Entity.class))
                .filter(type -> type.getPackageName().startsWith("dev.daybook.updates")))
                .filteredOn(entity -> entity.getModifiers().contains(JavaModifier.PUBLIC))
                .isNotEmpty().allSatisfy(entity -> assertThat(updates.isExposed(entity.reflect())).isFalse());
    }

    /** docs/architecture.md: a folder grown past this many files is split by what its files are for. */
    static final int MOST_FILES_IN_A_FOLDER = 24;

    @Test
    void noSourceFolderHoldsMoreThan24Files() throws IOException {
        List<String> crowded = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> folders = Files.walk(root).filter(Files::isDirectory)) {
                for (Path folder : folders.toList()) {
                    long files;
                    try (Stream<Path> inside = Files.list(folder)) {
                        files = inside.filter(Files::isRegularFile).count();
                    }
                    if (files > MOST_FILES_IN_A_FOLDER) {
                        crowded.add(folder + " (" + files + " files)");
                    }
                }
            }
        }
        assertThat(crowded).as("folders to split into sub-packages by what their files are for").isEmpty();
    }
}
