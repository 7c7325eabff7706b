package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DaybookApplication.class);

    @Test
    void featuresDependOnlyOnEachOthersPublicApiAndNeverOnTheSlackEdge() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() throws IOException {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path folder = Path.of("target", "spring-modulith-docs"); // the Documenter's default under Maven
        modules.forEach(module -> assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml"))
                .as("the diagram of %s", module.getIdentifier()).exists());
        // The overview draws the modules that depend on one another: the Slack edge on the features.
        assertThat(Files.readString(folder.resolve("components.puml"))).contains("Slack").contains("Updates");
    }
}
