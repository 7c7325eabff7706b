package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
    private static final Pattern MODULE_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|");
    private static final Pattern MODULE_COUNT = Pattern.compile("These are the (\\w+) modules Spring Modulith finds");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five");

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

    /**
     * docs/architecture.md's table of modules has one row per module Spring Modulith finds, and no row for
     * a module that is gone, so the document a newcomer reads first cannot drift from the code.
     */
    @Test
    void theArchitectureDocumentNamesEveryModuleAndNoOther() throws IOException {
        Set<String> found = modules.stream().map(m -> m.getIdentifier().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        String doc = Files.readString(ARCHITECTURE);
        int start = doc.indexOf("\n## The modules");
        assertThat(start).as("%s has a '## The modules' section", ARCHITECTURE).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        String section = end < 0 ? doc.substring(start) : doc.substring(start, end);
        Set<String> documented = new TreeSet<>();
        section.lines().map(MODULE_ROW::matcher).filter(Matcher::find).forEach(m -> documented.add(m.group(1)));
        documented.remove("module"); // the header row

        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(documented);
        Set<String> gone = new TreeSet<>(documented);
        gone.removeAll(found);
        List<String> problems = new java.util.ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("no row for " + missing + ", which Spring Modulith finds: add | `name` | owns | public API |");
        }
        if (!gone.isEmpty()) {
            problems.add("a row for " + gone + ", which Spring Modulith does not find: remove it, or name the module's package");
        }
        Matcher count = MODULE_COUNT.matcher(section);
        String expected = found.size() < NUMBERS.size() ? NUMBERS.get(found.size()) : Integer.toString(found.size());
        if (!count.find()) {
            problems.add("no sentence 'These are the " + expected + " modules Spring Modulith finds'");
        } else if (!count.group(1).equals(expected)) {
            problems.add("'These are the " + count.group(1) + " modules' where there are " + expected);
        }
        assertThat(problems).as("%s's '## The modules' section against the modules Spring Modulith finds %s",
                ARCHITECTURE, found).isEmpty();
    }
}
