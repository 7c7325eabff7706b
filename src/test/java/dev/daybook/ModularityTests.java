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

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) (\\w+)");
    private static final Pattern NAMED = Pattern.compile("`(\\w+)");

    /**
     * Each module's row lists its public API, and that list is what the module's root really makes public:
     * every public type at the root is named there, and a root type named there is public. The sub-packages
     * (internal, or named interfaces the row describes in words) are left to {@code modules.verify()}.
     */
    @Test
    void eachModuleRowListsExactlyThePublicTypesAtItsRoot() throws IOException {
        String doc = Files.readString(ARCHITECTURE);
        List<String> problems = new java.util.ArrayList<>();
        for (var module : modules) {
            String name = module.getIdentifier().toString();
            Path root = Path.of("src", "main", "java").resolve(module.getBasePackage().getName().replace('.', '/'));
            Set<String> rootTypes = new TreeSet<>();
            Set<String> publicTypes = new TreeSet<>();
            try (var files = Files.list(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String type = file.getFileName().toString().replace(".java", "");
                    rootTypes.add(type);
                    Matcher declared = PUBLIC_TYPE.matcher(Files.readString(file));
                    while (declared.find()) {
                        if (declared.group(1).equals(type)) {
                            publicTypes.add(type);
                        }
                    }
                }
            }
            String row = doc.lines().filter(l -> l.startsWith("| `" + name + "` |")).findFirst().orElse(null);
            if (row == null) {
                continue; // the test above names a missing row
            }
            String[] cells = row.split("(?<!\\\\)\\|");
            String api = cells[cells.length - 1];
            if (api.strip().equals("open to all")) {
                api = row; // a module every other may use lists its types where it says what it owns
            }
            Set<String> listed = new TreeSet<>();
            Matcher named = NAMED.matcher(api);
            while (named.find()) {
                listed.add(named.group(1));
            }
            Set<String> unlisted = new TreeSet<>(publicTypes);
            unlisted.removeAll(listed);
            if (!unlisted.isEmpty()) {
                problems.add(name + ": public at its root but not in its row's public API: " + unlisted);
            }
            Set<String> notPublic = new TreeSet<>(listed);
            notPublic.retainAll(rootTypes);
            notPublic.removeAll(publicTypes);
            if (!notPublic.isEmpty()) {
                problems.add(name + ": in its row's public API but not public: " + notPublic);
            }
        }
        assertThat(problems).as("%s's module rows against the public types of each module's root", ARCHITECTURE)
                .isEmpty();
    }
}
