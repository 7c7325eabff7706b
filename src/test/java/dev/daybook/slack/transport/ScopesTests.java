package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifest asks for exactly the scopes Daybook uses: every Web API method the code calls and
 * every event it subscribes to is covered by a scope in {@code manifest.yml}, and every scope there
 * is needed by one of them. Which scope a method or event needs is Slack's documentation, written
 * down here; a method or event missing from these tables fails the test until someone looks it up.
 */
class ScopesTests {

    /** Web API method → the bot scopes any one of which lets Daybook call it (empty: none needed). */
    private static final Map<String, Set<String>> METHOD_SCOPES = Map.ofEntries(
            Map.entry("assistant.threads.setStatus", Set.of("assistant:write")),
            Map.entry("assistant.threads.setSuggestedPrompts", Set.of("assistant:write")),
            Map.entry("auth.test", Set.of()),
            Map.entry("canvases.edit", Set.of("canvases:write")),
            Map.entry("canvases.sections.lookup", Set.of("canvases:read")),
            Map.entry("conversations.canvases.create", Set.of("canvases:write")),
            Map.entry("chat.getPermalink", Set.of()),
            Map.entry("chat.delete", Set.of("chat:write")),
            Map.entry("chat.postEphemeral", Set.of("chat:write")),
            Map.entry("chat.postMessage", Set.of("chat:write")),
            Map.entry("chat.update", Set.of("chat:write")),
            Map.entry("conversations.history", Set.of("channels:history", "groups:history", "im:history")),
            Map.entry("conversations.replies", Set.of("channels:history", "groups:history", "im:history")),
            Map.entry("conversations.info", Set.of("channels:read", "groups:read")),
            Map.entry("conversations.members", Set.of("channels:read", "groups:read")),
            Map.entry("conversations.open", Set.of("im:write")),
            Map.entry("files.uploadV2", Set.of("files:write")),
            // Workflow Builder steps: completing one's own function execution needs no scope.
            Map.entry("functions.completeError", Set.of()),
            Map.entry("functions.completeSuccess", Set.of()),
            Map.entry("reactions.add", Set.of("reactions:write")),
            Map.entry("reactions.remove", Set.of("reactions:write")),
            Map.entry("users.info", Set.of("users:read")),
            Map.entry("users.lookupByEmail", Set.of("users:read.email")),
            Map.entry("views.open", Set.of()),
            Map.entry("views.publish", Set.of()),
            Map.entry("views.push", Set.of()));

    /** Bot event → the scope it needs. */
    private static final Map<String, Set<String>> EVENT_SCOPES = Map.ofEntries(
            Map.entry("app_home_opened", Set.of()),
            Map.entry("app_mention", Set.of("app_mentions:read")),
            Map.entry("app_uninstalled", Set.of()),
            Map.entry("function_executed", Set.of()),
            Map.entry("assistant_thread_started", Set.of("assistant:write")),
            Map.entry("assistant_thread_context_changed", Set.of("assistant:write")),
            Map.entry("tokens_revoked", Set.of()),
            Map.entry("channel_archive", Set.of("channels:read")),
            Map.entry("channel_rename", Set.of("channels:read")),
            Map.entry("channel_unarchive", Set.of("channels:read")),
            Map.entry("group_archive", Set.of("groups:read")),
            Map.entry("group_rename", Set.of("groups:read")),
            Map.entry("group_unarchive", Set.of("groups:read")),
            Map.entry("member_joined_channel", Set.of("channels:read", "groups:read")),
            Map.entry("member_left_channel", Set.of("channels:read", "groups:read")),
            Map.entry("message.channels", Set.of("channels:history")),
            Map.entry("message.groups", Set.of("groups:history")),
            Map.entry("message.im", Set.of("im:history")),
            Map.entry("user_change", Set.of("users:read")));

    /**
     * Scopes a feature needs though no single method or event names them: the slash commands, and
     * posting in a public channel the bot was not invited to (chat.postMessage there needs it too).
     */
    private static final Map<String, String> FEATURE_SCOPES = Map.of(
            "commands", "/update and /daybook",
            "chat:write.public", "sharing an /update in a public channel the bot was not invited to",
            "groups:history", "also: conversations.history in private project channels",
            "groups:read", "also: conversations.info of private project channels");

    private static final Pattern CALL = Pattern.compile("\\.call\\(\\s*[^;]*?,\\s*\"([a-z]+\\.[A-Za-z0-9.]+)\"", Pattern.DOTALL);

    @Test
    void everyWebApiMethodTheCodeCallsIsCoveredByAScopeInTheManifest() throws IOException {
        Set<String> scopes = manifestScopes();
        Set<String> called = calledMethods();
        assertThat(called).as("methods found in the code").contains("chat.postMessage", "files.uploadV2", "users.info");
        assertThat(called).as("methods whose scope is written down here").isSubsetOf(METHOD_SCOPES.keySet());
        for (String method : called) {
            Set<String> needs = METHOD_SCOPES.get(method);
            assertThat(needs.isEmpty() || needs.stream().anyMatch(scopes::contains))
                    .as("%s needs one of %s; manifest.yml has %s", method, needs, scopes).isTrue();
        }
    }

    @Test
    void everyEventSubscribedToIsCoveredByAScope() {
        Set<String> scopes = manifestScopes();
        for (String event : manifestEvents()) {
            assertThat(EVENT_SCOPES).as("the scope of event %s is written down here", event).containsKey(event);
            Set<String> needs = EVENT_SCOPES.get(event);
            assertThat(needs.isEmpty() || needs.stream().anyMatch(scopes::contains))
                    .as("%s needs one of %s", event, needs).isTrue();
        }
    }

    @Test
    void theManifestAsksForNoScopeNothingUses() throws IOException {
        Set<String> used = new TreeSet<>(FEATURE_SCOPES.keySet());
        calledMethods().forEach(m -> used.addAll(METHOD_SCOPES.get(m)));
        manifestEvents().forEach(e -> used.addAll(EVENT_SCOPES.getOrDefault(e, Set.of())));
        assertThat(new TreeSet<>(manifestScopes())).isEqualTo(used);
    }

    @Test
    void theScopesAskedForOnInstallAreTheManifests() {
        assertThat(new TreeSet<>(Arrays.asList(SlackSettings.DEFAULT_SCOPES.split(","))))
                .isEqualTo(new TreeSet<>(manifestScopes()));
    }

    @Test
    void everyScopeIsDocumentedWithTheFeatureThatNeedsIt() throws IOException {
        String setup = Files.readString(Path.of("docs/slack-setup.md"));
        for (String scope : manifestScopes()) {
            assertThat(setup).as("docs/slack-setup.md explains %s", scope).contains("`" + scope + "`");
        }
    }

    private static Set<String> calledMethods() throws IOException {
        Set<String> methods = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(file));
                while (call.find()) {
                    methods.add(call.group(1));
                }
            }
        }
        return methods;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> manifestScopes() {
        Map<String, Object> oauth = (Map<String, Object>) manifest().get("oauth_config");
        return new HashSet<>((List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> manifestEvents() {
        Map<String, Object> settings = (Map<String, Object>) manifest().get("settings");
        return (List<String>) ((Map<String, Object>) settings.get("event_subscriptions")).get("bot_events");
    }

    private static Map<String, Object> manifest() {
        try (InputStream in = Files.newInputStream(Path.of("manifest.yml"))) {
            return new TreeMap<>((Map<String, Object>) new Yaml().load(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
