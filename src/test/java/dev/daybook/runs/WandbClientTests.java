package dev.daybook.runs;

import dev.daybook.runs.wandb.StandInWandb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.daybook.runs.wandb.WandbClient;
import dev.daybook.runs.wandb.WandbKeyState;
import dev.daybook.runs.wandb.WandbSettings;
import dev.daybook.support.HostResolver;
import dev.daybook.runs.comparison.Measurement;

/** The W&B client on its own: the key, the address rule, and where a run lives. */
class WandbClientTests {

    static final StandInWandb WANDB = new StandInWandb("right-key");
    static final HostResolver RESOLVER = host -> List.of(java.net.InetAddress.getByName(host));
    static final TrackingServerSettings LOOPBACK = new TrackingServerSettings(false, true, false, List.of());

    @AfterAll
    static void stop() {
        WANDB.close();
    }

    private static WandbClient client(String key, TrackingServerSettings addresses) {
        return new WandbClient(new WandbSettings(key, WANDB.url(), Duration.ofSeconds(2), Duration.ofSeconds(1), 3),
                addresses.policy(), RESOLVER);
    }

    @Test
    void aWrongKeyIsRefusedAsAKeyProblem() {
        assertThatThrownBy(() -> client("wrong-key", LOOPBACK).fetch(new WandbClient.RunPath("acme", "invoices", "good9")))
                .isInstanceOf(WandbClient.KeyRefused.class).hasMessageContaining("401").hasMessageNotContaining("wrong-key");
        assertThat(client("right-key", LOOPBACK).fetch(new WandbClient.RunPath("acme", "invoices", "good9")).metrics())
                .containsEntry("val_f1", 0.91);
    }

    @Test
    void withoutAKeyNothingIsAsked() {
        int before = WANDB.allHits();
        WandbSettings none = new WandbSettings("  ", WANDB.url(), null, null, null);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> client(null, LOOPBACK).fetch(new WandbClient.RunPath("acme", "invoices", "good8")))
                .isInstanceOf(WandbClient.Refused.class);
        // The listener stops before it reads anything: a null RunService would fail if it were used.
        new WandbEnrichment(null, none, LOOPBACK, RESOLVER, new WandbKeyState(), java.time.Clock.systemUTC()).on(new RunReferenced("T1", 1, 1));
        assertThat(WANDB.allHits()).isEqualTo(before);
    }

    @Test
    void aLoopbackAddressIsRefusedUnlessAllowed() {
        int before = WANDB.allHits();
        assertThatThrownBy(() -> client("right-key", new TrackingServerSettings(null, null, null, null))
                .fetch(new WandbClient.RunPath("acme", "invoices", "good7")))
                .isInstanceOf(WandbClient.Refused.class).hasMessageContaining("address refused");
        assertThat(WANDB.allHits()).isEqualTo(before);
    }

    @Test
    void aBrokenWandbIsWorthAskingAgain() {
        assertThatThrownBy(() -> client("right-key", LOOPBACK).fetch(new WandbClient.RunPath("acme", "invoices", "broken1")))
                .isInstanceOf(WandbClient.Unavailable.class);
    }

    @Test
    void theRunsEntityAndProjectComeFromItsLink() {
        assertThat(WandbClient.RunPath.fromUrl("https://wandb.ai/acme/invoices/runs/x7y8z9", "x7y8z9"))
                .contains(new WandbClient.RunPath("acme", "invoices", "x7y8z9"));
        assertThat(WandbClient.RunPath.fromUrl("https://wandb.ai/acme/invoices/runs/x7y8z9/overview?workspace=u", "x7y8z9"))
                .contains(new WandbClient.RunPath("acme", "invoices", "x7y8z9"));
        assertThat(WandbClient.RunPath.fromUrl(null, "x7y8z9")).isEmpty();
        assertThat(WandbClient.RunPath.fromUrl("https://wandb.ai/acme", "x7y8z9")).isEmpty();
        assertThat(WandbClient.RunPath.fromUrl("https://wandb.ai/runs/x", "x")).isEmpty();
        assertThat(WandbClient.RunPath.fromUrl("not a url ::", "x")).isEqualTo(Optional.empty());
    }

    @Test
    void theMeasurementUsesTheSameNamesAsMlflowAndTheCommit() {
        assertThat(WandbClient.measured(Map.of("dataset", "invoices", "data_version", "v3", "eval_split", "val",
                "random_seed", "42.0"), "abc123"))
                .isEqualTo(new Measurement("invoices", "v3", "val", 42L, "abc123"));
        assertThat(WandbClient.measured(Map.of("code_version", "zzz"), "abc123").codeVersion()).isNull();
        assertThat(WandbClient.measured(Map.of(), "x".repeat(65)).codeVersion()).isNull();
    }
}
