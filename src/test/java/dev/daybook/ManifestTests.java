package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/** {@code manifest.yml} is an app manifest Slack accepts, and asks for what Daybook needs. */
class ManifestTests {

    private static final String SCHEMAS = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";

    private final Map<String, Object> manifest = readManifest();

    @Test
    void validatesAgainstSlacksPublishedManifestSchema() throws IOException {
        Schema schema = slacksSchema();

        List<Error> errors = schema.validate(JsonMapper.shared().writeValueAsString(manifest), InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaCheckDoesCatchMistakes() throws IOException {
        Schema schema = slacksSchema();

        String broken = "{\"_metadata\":{\"major_version\":1},\"display_information\":{\"name\":\"\"},\"nonsense\":true}";

        assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void registersBothCommandsAndNeverSlacksReservedStatus() {
        var features = (Map<String, Object>) manifest.get("features");
        var commands = (List<Map<String, Object>>) features.get("slash_commands");

        assertThat(commands).extracting(c -> c.get("command")).containsExactly("/update", "/daybook");
        assertThat(commands).allSatisfy(c -> assertThat((String) c.get("url")).endsWith("/slack/events"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void asksForTheScopesAndEventsTheFeaturesUse() {
        var oauth = (Map<String, Object>) manifest.get("oauth_config");
        var scopes = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
        var settings = (Map<String, Object>) manifest.get("settings");
        var events = (List<String>) ((Map<String, Object>) settings.get("event_subscriptions")).get("bot_events");

        assertThat(scopes).contains("commands", "chat:write", "chat:write.public", "reactions:write", "users:read",
                "channels:history", "groups:history", "channels:read", "groups:read", "im:write");
        assertThat(events).contains("message.channels", "message.groups", "channel_rename", "user_change",
                "app_home_opened", "app_mention");
        assertThat((Map<String, Object>) settings.get("interactivity")).containsEntry("is_enabled", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void declaresTheWorkflowStepsWithTheirInputsAndOutputs() {
        var functions = (Map<String, Map<String, Object>>) manifest.get("functions");
        var settings = (Map<String, Object>) manifest.get("settings");
        var events = (List<String>) ((Map<String, Object>) settings.get("event_subscriptions")).get("bot_events");

        assertThat(functions).containsOnlyKeys("record_update", "project_status", "post_weekly_summary");
        assertThat(inputs(functions.get("record_update"))).containsOnlyKeys("user", "project_channel", "update_text");
        assertThat(required(functions.get("record_update"), "input_parameters"))
                .containsExactlyInAnyOrder("user", "project_channel", "update_text");
        assertThat(outputs(functions.get("record_update")))
                .containsOnlyKeys("day", "done_count", "next_count", "blocker_count", "permalink");
        assertThat(inputs(functions.get("project_status"))).containsKeys("project_channel", "asked_by");
        assertThat(outputs(functions.get("project_status")).get("status")).containsEntry("type", "slack#/types/rich_text");
        assertThat(required(functions.get("post_weekly_summary"), "input_parameters"))
                .containsExactlyInAnyOrder("project_channel", "posted_by");
        assertThat(outputs(functions.get("post_weekly_summary"))).containsKey("permalink");
        // Slack sends the steps to Daybook only with these set.
        assertThat(events).contains("function_executed");
        assertThat(settings).containsEntry("org_deploy_enabled", true).containsEntry("function_runtime", "remote");
        assertThat(((Map<String, Object>) manifest.get("_metadata"))).containsEntry("major_version", 2);
    }

    @Test
    void theSchemaCheckCatchesABrokenStep() throws IOException {
        Schema schema = slacksSchema();

        String noOutputs = "{\"_metadata\":{\"major_version\":2},\"display_information\":{\"name\":\"Daybook\"},"
                + "\"functions\":{\"record_update\":{\"title\":\"Record\",\"description\":\"\","
                + "\"input_parameters\":{\"properties\":{\"user\":{\"type\":\"slack#/types/user_id\"}}}}}}";

        assertThat(schema.validate(noOutputs, InputFormat.JSON)).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> inputs(Map<String, Object> function) {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) function.get("input_parameters")).get("properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> outputs(Map<String, Object> function) {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) function.get("output_parameters")).get("properties");
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Map<String, Object> function, String parameters) {
        return (List<String>) ((Map<String, Object>) function.get(parameters)).get("required");
    }

    @Test
    @SuppressWarnings("unchecked")
    void offersTheAssistantPanelWithItsPromptsScopeAndEvents() {
        var features = (Map<String, Object>) manifest.get("features");
        var view = (Map<String, Object>) features.get("assistant_view");
        var oauth = (Map<String, Object>) manifest.get("oauth_config");
        var scopes = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
        var settings = (Map<String, Object>) manifest.get("settings");
        var events = (List<String>) ((Map<String, Object>) settings.get("event_subscriptions")).get("bot_events");

        assertThat((String) view.get("assistant_description")).isNotBlank();
        // The prompts Daybook sets in each new thread, so that the panel opens the same way everywhere.
        assertThat((List<Map<String, String>>) view.get("suggested_prompts")).extracting(p -> p.get("message"))
                .containsExactly("Status of #acme-nlp", "What's blocking my projects?", "What did I say I'd do next?",
                        "Best verified run this week");
        // assistant.threads.setStatus and setSuggestedPrompts; the thread's messages come as message.im.
        assertThat(scopes).contains("assistant:write", "im:history", "chat:write");
        assertThat(events).contains("assistant_thread_started", "assistant_thread_context_changed", "message.im");
    }

    /** Slack's schema, its remote references served from the copy kept with the tests. */
    private static Schema slacksSchema() throws IOException {
        Map<String, String> schemas = Map.of(
                SCHEMAS + "manifest.schema.1.0.0.json", resource("schemas/manifest.schema.1.0.0.json"),
                SCHEMAS + "manifest.schema.2.0.0.json", resource("schemas/manifest.schema.2.0.0.json"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(schemas));
        return registry.getSchema(resource("manifest.schema.json"), InputFormat.JSON);
    }

    private static Map<String, Object> readManifest() {
        try {
            return new Yaml().load(Files.readString(Path.of("manifest.yml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestTests.class.getResourceAsStream("/slack-manifest-schema/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
