package dev.daybook.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The corpus of real-shaped daily updates in {@code src/test/resources/corpus/updates}: each post as
 * Slack's {@code text} (and, for some, the {@code blocks} the composer sends) with the split a careful
 * reader expects. See that folder's README for the format.
 */
public final class UpdateCorpus {

    public enum Form { MESSAGE, COMMAND }

    public enum Outcome { RECORD, ASK, IGNORE, REJECT }

    public record Item(String section, String text) {
        @Override
        public String toString() {
            return section + ": " + text;
        }
    }

    public record Case(String file, String id, Form form, Outcome outcome, String style, String text, String blocks,
                       List<Item> items, List<String> leftOut, boolean blockersNone) {
        @Override
        public String toString() {
            return file + " " + id;
        }
    }

    private static final String FOLDER = "corpus/updates";

    private UpdateCorpus() {
    }

    public static List<Case> all() {
        try {
            URL folder = UpdateCorpus.class.getClassLoader().getResource(FOLDER);
            if (folder == null) {
                throw new IllegalStateException("no " + FOLDER + " on the test classpath");
            }
            List<Case> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        cases.addAll(read(file.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return cases;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not read the corpus", e);
        }
    }

    public static Stream<Case> messages() {
        return all().stream().filter(c -> c.form() == Form.MESSAGE);
    }

    public static Stream<Case> withBlocks() {
        return all().stream().filter(c -> c.blocks() != null);
    }

    /** Runs of white space as one space, as the corpus compares item texts. */
    public static String collapsed(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static List<Case> read(String file, String content) {
        List<Case> cases = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("=== ")) {
                i++;
                continue;
            }
            String id = lines[i].substring(4).strip();
            i++;
            String form = null;
            String outcome = null;
            String style = null;
            while (i < lines.length && !lines[i].startsWith("--- ")) {
                String line = lines[i++];
                if (line.startsWith("form:")) {
                    form = line.substring(5).strip();
                } else if (line.startsWith("outcome:")) {
                    outcome = line.substring(8).strip();
                } else if (line.startsWith("style:")) {
                    style = line.substring(6).strip();
                }
            }
            String text = null;
            String blocks = null;
            List<Item> items = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            boolean none = false;
            while (i < lines.length && !lines[i].equals("===")) {
                String marker = lines[i++].strip();
                List<String> body = new ArrayList<>();
                while (i < lines.length && !lines[i].startsWith("--- ") && !lines[i].equals("===")) {
                    body.add(lines[i++]);
                }
                switch (marker) {
                    case "--- text" -> text = String.join("\n", body);
                    case "--- blocks" -> blocks = String.join("\n", body).strip();
                    case "--- expect" -> {
                        for (String line : body) {
                            if (line.isBlank()) {
                                continue;
                            }
                            int colon = line.indexOf(':');
                            String key = line.substring(0, colon).strip();
                            String value = line.substring(colon + 1).strip();
                            switch (key) {
                                case "update", "next", "blocker" -> items.add(new Item(key, collapsed(value)));
                                case "left-out" -> leftOut.add(collapsed(value));
                                case "blockers-none" -> none = value.equalsIgnoreCase("yes");
                                default -> throw new IllegalStateException(file + " " + id + ": unknown key " + key);
                            }
                        }
                    }
                    default -> throw new IllegalStateException(file + " " + id + ": unknown section " + marker);
                }
            }
            i++;
            if (text == null || form == null || outcome == null) {
                throw new IllegalStateException(file + " " + id + ": incomplete case");
            }
            cases.add(new Case(file, id, Form.valueOf(form.toUpperCase(Locale.ROOT)),
                    Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)), style, text, blocks, List.copyOf(items),
                    List.copyOf(leftOut), none));
        }
        return cases;
    }
}
