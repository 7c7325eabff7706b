package dev.daybook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daybook.support.OutboundAddressRule.Policy;

/** Which addresses Daybook may call when a person gives it one: public ones only, unless the operator allows more. */
class OutboundAddressRuleTests {

    private static final Policy DEFAULT = Policy.PUBLIC_ONLY;
    private static final Policy LAN = new Policy(true, false, false, Set.of());
    private static final Policy LOOPBACK = new Policy(false, true, false, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"https://mlflow.example.com", "https://mlflow.example.com/", "http://mlflow.example.com:5000",
            "https://mlflow.example.com/some/prefix", "https://203.0.113.7", "https://[2001:4860:4860::8888]/",
            "https://MLflow.Example.COM", "https://mlflow.example.com.", "https://xn--mlflw-jua.example"})
    void publicAddressesMayBeCalled(String url) {
        assertThat(OutboundAddressRule.problemWithUrl(url, DEFAULT)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "ftp://mlflow.example.com", "gopher://x.example",
            "mlflow.example.com", "//mlflow.example.com", "https://", "https:///path", "", " https://mlflow.example.com",
            "https://mlflow.example.com /x", "https://user:pass@mlflow.example.com", "https://token@mlflow.example.com",
            "https://mlflow.example.com@evil.example", "https://mlflow.example.com#frag", "https://mlflow.example.com/#/x",
            "https://mlflow.example.com?x=1", "https://mlflow.example.com:0", "https://mlflow.example.com:65536",
            "https://mlflow.example.com:99999", "https://mlflow.example.com:", "https://mlf_low.example.com",
            "https://mlflöw.example.com", "https://%6c%6fcalhost", "https://mlflow.example.com\u0000.evil",
            "https://mlflow.example.com/\r\nHost: evil"})
    void brokenOrDisguisedAddressesAreRefused(String url) {
        assertThat(OutboundAddressRule.problemWithUrl(url, DEFAULT)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1", "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost",
            "http://localhost.", "http://LOCALHOST", "http://api.localhost", "http://[::1]", "http://[::ffff:127.0.0.1]",
            "http://[::ffff:7f00:1]", "http://[0:0:0:0:0:ffff:127.0.0.1]", "http://[::127.0.0.1]",
            "http://[64:ff9b::7f00:1]", "http://[2002:7f00:1::]"})
    void loopbackIsRefusedUnlessAllowed(String url) {
        assertThat(OutboundAddressRule.problemWithUrl(url, DEFAULT)).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, LAN)).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, LOOPBACK)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5", "http://172.16.0.1", "http://172.31.255.255", "http://192.168.1.20",
            "http://100.64.0.1", "http://100.100.100.200", "http://198.18.0.1", "http://[fd00::5]", "http://[fc00::1]",
            "http://[::ffff:10.0.0.5]", "http://[::ffff:a00:5]", "http://[fec0::1]"})
    void privateNetworksAreRefusedUnlessAllowed(String url) {
        assertThat(OutboundAddressRule.problemWithUrl(url, DEFAULT)).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, LOOPBACK)).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, LAN)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.169.254", "http://169.254.0.1",
            "http://[fe80::1]", "http://[::ffff:169.254.169.254]", "http://[::ffff:a9fe:a9fe]", "http://[64:ff9b::a9fe:a9fe]"})
    void linkLocalAndCloudMetadataAreRefusedUnlessLinkLocalIsAllowed(String url) {
        assertThat(OutboundAddressRule.problemWithUrl(url, DEFAULT)).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, new Policy(true, true, false, Set.of()))).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, new Policy(false, false, true, Set.of()))).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0.0.0.0", "http://0.0.0.0:5000", "http://0.1.2.3", "http://[::]", "http://[::ffff:0.0.0.0]",
            "http://224.0.0.1", "http://239.255.255.250", "http://255.255.255.255", "http://240.0.0.1", "http://[ff02::1]",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "http://metadata.google.internal", "http://metadata",
            "http://instance-data", "http://metadata.google.internal."})
    void someAddressesAreNeverCalled(String url) {
        Policy everything = new Policy(true, true, true, Set.of());
        assertThat(OutboundAddressRule.problemWithUrl(url, everything)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433", "http://017700000001", "http://0x7f000001", "http://0x7f.0.0.1",
            "http://0177.0.0.1", "http://127.1", "http://127.0.1", "http://0x7f.1", "http://1.2.3.4.5", "http://3232235777",
            "http://0xa9.0xfe.0xa9.0xfe", "http://025177524776", "http://169.254.43518", "http://00000000000127.0.0.1",
            "http://example.0x10"})
    void otherWaysOfWritingANumberAreRefused(String url) {
        Policy everything = new Policy(true, true, true, Set.of());
        assertThat(OutboundAddressRule.problemWithUrl(url, everything)).as(url).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl(url, everything).get()).contains("four numbers");
    }

    @Test
    void hostsTheOperatorListedMayResolveAnywhere() throws Exception {
        Policy listed = new Policy(false, false, false, Set.of("mlflow.office.lan", "10.0.0.7", "[fd00::7]"));

        assertThat(OutboundAddressRule.problemWithUrl("http://mlflow.office.lan:5000", listed)).isEmpty();
        assertThat(OutboundAddressRule.problemWithUrl("http://MLFLOW.office.lan.", listed)).isEmpty();
        assertThat(OutboundAddressRule.problemWithUrl("http://10.0.0.7", listed)).isEmpty();
        assertThat(OutboundAddressRule.problemWithUrl("http://[fd00::7]", listed)).isEmpty();
        assertThat(OutboundAddressRule.problemWithUrl("http://10.0.0.8", listed)).isPresent();
        assertThat(OutboundAddressRule.problemWithAddress("mlflow.office.lan", InetAddress.getByName("192.168.3.4"), listed)).isEmpty();
        assertThat(OutboundAddressRule.problemWithAddress("other.office.lan", InetAddress.getByName("192.168.3.4"), listed)).isPresent();
        assertThat(OutboundAddressRule.problemWithUrl("http://user@mlflow.office.lan", listed))
                .as("credentials stay out even for listed hosts").isPresent();
    }

    @Test
    void resolvedAddressesAreJudgedAsLiteralsAre() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "169.254.169.254", "0.0.0.0", "::1", "fe80::1",
                "fd12::1", "::ffff:192.168.0.1", "224.0.0.251"}) {
            assertThat(OutboundAddressRule.problemWithAddress("name.example", InetAddress.getByName(address), DEFAULT))
                    .as(address).isPresent();
        }
        for (String address : new String[] {"203.0.113.7", "8.8.8.8", "2001:4860:4860::8888", "172.32.0.1", "100.128.0.1",
                "192.169.0.1", "169.255.0.1"}) {
            assertThat(OutboundAddressRule.problemWithAddress("name.example", InetAddress.getByName(address), DEFAULT))
                    .as(address).isEmpty();
        }
    }

    @Test
    void theReasonsArePoliteAndSayWhatToDo() {
        assertThat(OutboundAddressRule.problemWithUrl("https://user:pw@mlflow.example.com", DEFAULT)).get().asString()
                .contains("token field");
        assertThat(OutboundAddressRule.problemWithUrl("http://192.168.1.1", DEFAULT)).get().asString()
                .contains("private network");
        assertThat(OutboundAddressRule.problemWithUrl("http://169.254.169.254", DEFAULT)).get().asString()
                .contains("metadata");
    }
}
