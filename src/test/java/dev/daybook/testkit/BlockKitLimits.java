package dev.daybook.testkit;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Slack's documented limits for messages and views, checked the way Slack checks them: the stand-in
 * refuses what Slack would refuse ({@code invalid_blocks}, {@code msg_too_long}), and tests check the
 * immediate answers to slash commands with it. Written from Slack's Block Kit reference, separately
 * from the code that fits messages, so that it checks that code rather than repeats it.
 */
public final class BlockKitLimits {

    private BlockKitLimits() {
    }

    /** What Slack would answer to a message with this text and blocks: null when it takes it. */
    public static String refusalOfMessage(String text, String blocks) {
        if (text != null && text.length() > 40_000) {
            return "msg_too_long";
        }
        if (blocks == null || blocks.isBlank()) {
            return null;
        }
        List<String> problems = problemsOfBlocks(JsonParser.parseString(blocks), 50);
        return problems.isEmpty() ? null : "invalid_blocks";
    }

    /** What Slack would answer to a view (a modal or App Home): null when it takes it. */
    public static String refusalOfView(String view) {
        if (view == null || view.isBlank()) {
            return null;
        }
        JsonObject v = JsonParser.parseString(view).getAsJsonObject();
        List<String> problems = new ArrayList<>();
        for (String field : List.of("title", "submit", "close")) {
            if (v.has(field) && text(v.getAsJsonObject(field)).length() > 24) {
                problems.add(field + " longer than 24");
            }
        }
        if (v.has("private_metadata") && v.get("private_metadata").getAsString().length() > 3000) {
            problems.add("private_metadata longer than 3000");
        }
        if (v.has("blocks")) {
            problems.addAll(problemsOfBlocks(v.get("blocks"), 100));
        }
        return problems.isEmpty() ? null : "invalid_arguments";
    }

    /** Every way these blocks break Slack's limits, in words; empty when none. */
    public static List<String> problemsOfBlocks(JsonElement blocks, int mostBlocks) {
        List<String> problems = new ArrayList<>();
        JsonArray all = blocks.getAsJsonArray();
        if (all.size() > mostBlocks) {
            problems.add(all.size() + " blocks (at most " + mostBlocks + ")");
        }
        for (JsonElement element : all) {
            JsonObject block = element.getAsJsonObject();
            String type = block.get("type").getAsString();
            if (block.has("block_id") && block.get("block_id").getAsString().length() > 255) {
                problems.add("block_id longer than 255");
            }
            switch (type) {
                case "section" -> {
                    if (block.has("text")) {
                        check(problems, "section text", text(block.getAsJsonObject("text")), 3000);
                    }
                    if (block.has("fields")) {
                        JsonArray fields = block.getAsJsonArray("fields");
                        if (fields.size() > 10) {
                            problems.add("more than 10 fields");
                        }
                        fields.forEach(f -> check(problems, "field", text(f.getAsJsonObject()), 2000));
                    }
                    if (!block.has("text") && !block.has("fields")) {
                        problems.add("a section with neither text nor fields");
                    }
                    if (block.has("accessory")) {
                        element(problems, block.getAsJsonObject("accessory"));
                    }
                }
                case "header" -> check(problems, "header", text(block.getAsJsonObject("text")), 150);
                case "context" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    if (elements.size() == 0 || elements.size() > 10) {
                        problems.add("context with " + elements.size() + " elements (1 to 10)");
                    }
                    elements.forEach(e -> {
                        JsonObject o = e.getAsJsonObject();
                        if (o.has("text")) {
                            check(problems, "context text", o.get("text").getAsString(), 3000);
                        }
                    });
                }
                case "actions" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    if (elements.size() == 0 || elements.size() > 25) {
                        problems.add("actions with " + elements.size() + " elements (1 to 25)");
                    }
                    elements.forEach(e -> element(problems, e.getAsJsonObject()));
                }
                case "input" -> {
                    check(problems, "input label", text(block.getAsJsonObject("label")), 2000);
                    if (block.has("hint")) {
                        check(problems, "input hint", text(block.getAsJsonObject("hint")), 2000);
                    }
                    if (block.has("element")) {
                        element(problems, block.getAsJsonObject("element"));
                    }
                }
                default -> {
                    // divider, image and others: nothing Daybook fills from outside
                }
            }
        }
        return problems;
    }

    private static void element(List<String> problems, JsonObject element) {
        String type = element.has("type") ? element.get("type").getAsString() : "";
        if (element.has("action_id")) {
            check(problems, "action_id", element.get("action_id").getAsString(), 255);
        }
        switch (type) {
            case "button" -> {
                check(problems, "button text", text(element.getAsJsonObject("text")), 75);
                if (element.has("value")) {
                    check(problems, "button value", element.get("value").getAsString(), 2000);
                }
                if (element.has("confirm")) {
                    JsonObject confirm = element.getAsJsonObject("confirm");
                    check(problems, "confirm title", text(confirm.getAsJsonObject("title")), 100);
                    check(problems, "confirm text", text(confirm.getAsJsonObject("text")), 300);
                }
            }
            case "plain_text_input" -> {
                if (element.has("initial_value")) {
                    check(problems, "initial value", element.get("initial_value").getAsString(), 3000);
                }
                if (element.has("placeholder")) {
                    check(problems, "placeholder", text(element.getAsJsonObject("placeholder")), 150);
                }
            }
            case "timepicker" -> {
                // Slack refuses a view whose initial_time is not "HH:mm" (24-hour, two digits each).
                if (element.has("initial_time") && !element.get("initial_time").getAsString().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
                    problems.add("timepicker initial_time \"" + element.get("initial_time").getAsString() + "\" (HH:mm)");
                }
                if (element.has("placeholder")) {
                    check(problems, "placeholder", text(element.getAsJsonObject("placeholder")), 150);
                }
            }
            case "static_select", "radio_buttons", "checkboxes" -> {
                if (element.has("options")) {
                    JsonArray options = element.getAsJsonArray("options");
                    if (options.size() > 100) {
                        problems.add("more than 100 options");
                    }
                    options.forEach(o -> {
                        check(problems, "option text", text(o.getAsJsonObject().getAsJsonObject("text")), 75);
                        check(problems, "option value", o.getAsJsonObject().get("value").getAsString(), 150);
                    });
                }
            }
            default -> {
                // other elements: nothing Daybook fills from outside
            }
        }
    }

    private static String text(JsonObject text) {
        return text == null || !text.has("text") ? "" : text.get("text").getAsString();
    }

    private static void check(List<String> problems, String what, String value, int limit) {
        if (value.length() > limit) {
            problems.add(what + " of " + value.length() + " characters (at most " + limit + ")");
        }
    }
}
