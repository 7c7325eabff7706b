package dev.daybook;

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
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
