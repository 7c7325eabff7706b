package dev.daybook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTests {

    @Test
    void unsetItIsLocalhostAndSaysSo() {
        PublicUrl unset = new PublicUrl("");
        assertThat(unset.isSet()).isFalse();
        assertThat(unset.base()).isEqualTo("http://localhost:8080");
        assertThat(unset.pointsAtThisMachine()).isTrue();
        assertThat(unset.localWarning()).contains("DAYBOOK_PUBLIC_URL").contains("http://localhost:8080");
        assertThat(new PublicUrl(null).isSet()).isFalse();
    }

    @Test
    void linksAreAppendedWithoutADoubleSlash() {
        assertThat(new PublicUrl("https://daybook.example.com/").resolve("/digests/abc"))
                .isEqualTo("https://daybook.example.com/digests/abc");
        assertThat(new PublicUrl(" https://example.com/daybook ").resolve("/slack/oauth_redirect"))
                .isEqualTo("https://example.com/daybook/slack/oauth_redirect");
    }

    @Test
    void addressesOnlyThisMachineOpensAreTold() {
        for (String local : new String[] {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:8080",
                "http://127.1.2.3", "http://[::1]:8080", "http://0.0.0.0:8080", "http://app.localhost"}) {
            assertThat(new PublicUrl(local).pointsAtThisMachine()).as(local).isTrue();
        }
        for (String reachable : new String[] {"https://daybook.example.com", "http://10.0.0.7:8080",
                "https://localhost.example.com", "http://[2001:db8::1]"}) {
            assertThat(new PublicUrl(reachable).pointsAtThisMachine()).as(reachable).isFalse();
        }
    }

    @Test
    void whatIsNotAnAddressIsRefusedAtStartWithWhatToWrite() {
        for (String bad : new String[] {"daybook.example.com", "ftp://daybook.example.com", "https://", "http://a b",
                "https://daybook.example.com/?x=1", "https://daybook.example.com/#top"}) {
            assertThatThrownBy(() -> new PublicUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DAYBOOK_PUBLIC_URL");
        }
    }
}
