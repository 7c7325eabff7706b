package dev.daybook.slack.transport;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** An event's body with the message blocks taken out, for when Bolt cannot read them: the text remains. */
final class UnreadableBlocks {

    private UnreadableBlocks() {
    }

    /** The body without {@code blocks} in the event and the messages it carries; empty when it had none. */
    static Optional<String> removedFrom(String body) {
        try {
            JsonElement parsed = JsonParser.parseString(body);
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("event")
                    || !parsed.getAsJsonObject().get("event").isJsonObject()) {
                return Optional.empty();
            }
            JsonObject event = parsed.getAsJsonObject().getAsJsonObject("event");
            boolean removed = event.remove("blocks") != null;
            for (String carried : new String[] {"message", "previous_message"}) {
                if (event.has(carried) && event.get(carried).isJsonObject()) {
                    removed |= event.getAsJsonObject(carried).remove("blocks") != null;
                }
            }
            return removed ? Optional.of(parsed.toString()) : Optional.empty();
        } catch (JsonParseException unreadable) {
            return Optional.empty();
        }
    }
}
