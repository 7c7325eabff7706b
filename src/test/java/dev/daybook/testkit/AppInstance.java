package dev.daybook.testkit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.daybook.DaybookApplication;

/**
 * One more instance of Daybook in the test JVM, on a random port, sharing the test database and
 * {@link FakeSlack} with the others: for schedulers that really fire, several instances of a
 * cluster, and restarts. Each has its own {@link MutableClock}.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance whose Quartz scheduler (named {@code schedulerName}) runs, with these extra settings. */
    public static AppInstance start(String schedulerName, Map<String, Object> settings) {
        TestDatabase database = TestDatabase.current();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("daybook.slack.api-url", FakeSlack.shared().apiUrl());
        properties.put("daybook.slack.bot-token", SlackAppTest.BOT_TOKEN);
        properties.put("daybook.slack.signing-secret", SlackAppTest.SIGNING_SECRET);
        properties.put("daybook.slack.app-token", "");
        properties.put("daybook.slack.pacing.rate", "500");
        properties.put("daybook.slack.pacing.burst", "100");
        properties.put("daybook.outbox.retry-interval", "500ms");
        properties.put("daybook.outbox.retry-min-age", "0s");
        properties.put("daybook.slack.answer-within", "15s"); // as in SlackAppTest
        properties.put("daybook.slack.interactive-timeout", "5s");
        properties.put("server.port", "0");
        properties.put("spring.quartz.scheduler-name", schedulerName);
        properties.put("spring.quartz.auto-startup", "true");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "2000");
        properties.putAll(settings);
        // As command-line arguments: they win over application.yml (builder "properties" would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DaybookApplication.class,
                TestWiring.class).run(arguments);
        return new AppInstance(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public MutableClock clock() {
        return context.getBean(MutableClock.class);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Signed Slack requests to this instance. */
    public SlackRequests slackRequests() {
        return new SlackRequests("http://127.0.0.1:" + port(), new SlackSigner(SlackAppTest.SIGNING_SECRET), clock());
    }

    @Override
    public void close() {
        context.close();
    }
}
