package dev.daybook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/development.md that Spring Modulith's verification does not check by itself:
 * it sees dependencies between Daybook's modules, not on Slack's SDK, and not how a module hides its
 * persistence.
 */
class ArchitectureTests {

    private static final JavaClasses DAYBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.daybook");

    @Test
    void onlyTheSlackEdgeUsesSlacksSdk() {
        noClasses().that().resideOutsideOfPackage("dev.daybook.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack.api..")
                .because("Slack's SDK is the slack module's business; features publish events instead")
                .check(DAYBOOK);
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
        classes().that().areAnnotatedWith(Entity.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("a module shows records and services, not its tables")
                .check(DAYBOOK);
    }
}
