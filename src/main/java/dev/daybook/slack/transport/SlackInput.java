package dev.daybook.slack.transport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.daybook.support.StorableText;

/**
 * A signed request from Slack, made fit to use before Bolt reads it: the one place where Slack's text
 * becomes text Daybook can store and compare. Every string (and field name) loses NUL and other
 * control characters, and a lone surrogate becomes U+FFFD ({@link StorableText#of}), since PostgreSQL
 * refuses NUL and a half character would be stored as "?". Fields Slack always sends as strings (an
 * event's {@code text}, {@code user}, {@code channel}, {@code ts}; an action's {@code value}) that
 * come as objects, arrays or numbers make the request {@link Malformed}: a 400, not a 500 later.
 * Plain Java with no I/O.
 */
final class SlackInput {

    /** Fields that are strings in every Slack payload that has them. */
    private static final Set<String> STRING_FIELDS = Set.of("type", "subtype", "text", "user", "channel", "ts",
            "thread_ts", "event_ts", "channel_type", "team", "team_id", "bot_id", "client_msg_id", "deleted_ts", "tab",
            "event_id", "api_app_id", "callback_id", "private_metadata", "trigger_id", "response_url", "action_id",
            "block_id", "value", "message_ts", "channel_id", "view_id", "id", "name", "username");
    /** Objects whose fields follow {@link #STRING_FIELDS}; other objects (blocks, metadata, state) are free-form. */
    private static final Set<String> CHECKED_OBJECTS = Set.of("event", "message", "previous_message", "user", "team",
            "channel", "container", "view", "edited");
    private static final Gson WRITER = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** Slack sent something no Slack payload looks like. */
    static final class Malformed extends Exception {
        Malformed(String field) {
            super("'" + field + "' is not a string");
        }
    }

    private SlackInput() {
    }

    /** The body, cleaned; the same bytes when there was nothing to clean, or when it is not JSON or a form. */
    static byte[] clean(byte[] body, String contentType) throws Malformed {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String cleaned;
        if (type.startsWith("application/json")) {
            cleaned = cleanJson(text);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            cleaned = cleanForm(text);
        } else {
            return body;
        }
        return cleaned.equals(text) ? body : cleaned.getBytes(StandardCharsets.UTF_8);
    }

    static String cleanJson(String json) throws Malformed {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException notJson) {
            return json; // Bolt refuses it as it is
        }
        if (!needsCleaning(json) && !root.isJsonObject()) {
            return json;
        }
        JsonElement cleaned = clean(root, Shape.KNOWN);
        return needsCleaning(json) ? WRITER.toJson(cleaned) : json;
    }

    private static String cleanForm(String form) throws Malformed {
        if (form.isBlank()) {
            return form;
        }
        StringBuilder out = new StringBuilder(form.length());
        boolean changed = false;
        for (String pair : form.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return form; // Bolt refuses it as it is
            }
            String keptValue = value == null ? null : name.equals("payload") ? cleanJson(value) : StorableText.of(value);
            String keptName = StorableText.of(name);
            if (!keptName.equals(name) || (value != null && !keptValue.equals(value))) {
                changed = true;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(keptName, StandardCharsets.UTF_8));
            if (keptValue != null) {
                out.append('=').append(URLEncoder.encode(keptValue, StandardCharsets.UTF_8));
            }
        }
        return changed ? out.toString() : form;
    }

    /** How much of an object's shape is known: its string fields, an action's, or nothing (blocks, state). */
    private enum Shape { KNOWN, ACTION, FREE }

    /** Fields an action (a pressed button, a chosen option) always sends as strings. */
    private static final Set<String> ACTION_STRING_FIELDS = Set.of("action_id", "block_id", "value", "type", "action_ts");

    /** Checks the shape of what Slack sends as strings, and cleans every string. */
    private static JsonElement clean(JsonElement element, Shape shape) throws Malformed {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            String text = element.getAsString();
            String kept = StorableText.of(text);
            return kept.equals(text) ? element : new JsonPrimitive(kept);
        }
        if (element.isJsonArray()) {
            JsonArray cleaned = new JsonArray();
            for (JsonElement item : element.getAsJsonArray()) {
                cleaned.add(clean(item, shape == Shape.ACTION ? Shape.ACTION : Shape.FREE));
            }
            return cleaned;
        }
        if (element.isJsonObject()) {
            JsonObject cleaned = new JsonObject();
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                String key = entry.getKey();
                JsonElement value = entry.getValue();
                Set<String> strings = shape == Shape.KNOWN ? STRING_FIELDS : shape == Shape.ACTION ? ACTION_STRING_FIELDS : Set.of();
                boolean anObjectHere = shape == Shape.KNOWN && CHECKED_OBJECTS.contains(key) && value.isJsonObject();
                if (strings.contains(key) && !value.isJsonNull() && !anObjectHere
                        && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                    throw new Malformed(key);
                }
                Shape inner = anObjectHere ? Shape.KNOWN
                        : shape == Shape.KNOWN && key.equals("actions") ? Shape.ACTION : Shape.FREE;
                cleaned.add(StorableText.of(key), clean(value, inner));
            }
            return cleaned;
        }
        return element;
    }

    /** Whether the text has an escape or a character that cleaning could change: most requests have none. */
    private static boolean needsCleaning(String json) {
        return json.contains("\\u") || json.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                || Character.isSurrogate((char) c));
    }

}
