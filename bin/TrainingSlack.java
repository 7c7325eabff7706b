import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in Slack for bin/prepare-fast-start's training run, on loopback: every Web API call is
 * answered ok (auth.test with a made-up bot), so the training start gets as far as a real one without
 * a token or a network. Prints its port, then serves until killed.
 */
public class TrainingSlack {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] ok = "{\"ok\":true,\"url\":\"https://training.slack.com/\",\"team\":\"Training\",\"user\":\"daybook\",\"team_id\":\"TTRAINING\",\"user_id\":\"UTRAINING\",\"bot_id\":\"BTRAINING\"}"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }
}
