package dev.daybook.slack.transport;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import dev.daybook.slack.workspace.InstallationStore;
import dev.daybook.slack.workspace.OAuthPages;
import dev.daybook.slack.workspace.OAuthStateStore;
import dev.daybook.support.PublicUrl;

/**
 * The Bolt app, served over HTTP at {@code /slack/events} and, with an app-level token, over Socket Mode.
 * {@link SlackWiring} decides at start which of these beans exist; this class makes them.
 */
class BoltConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BoltConfiguration.class);

    App slackApp(Slack slack, SlackSettings settings, List<SlackListener> listeners, InstallationStore installations,
                 OAuthStateStore oauthStates, PublicUrl publicUrl, AnswerInTime inTime) {
        AppConfig.AppConfigBuilder config = AppConfig.builder()
                .slack(slack)
                // Signatures are checked by SlackSignatureFilter before a request reaches Bolt.
                .requestVerificationEnabled(false)
                // Environment variables are read by Daybook's own settings, never implicitly by Bolt.
                .clientId(null).clientSecret(null).redirectUri(null).scope(null).userScope(null)
                .verificationToken(null)
                .authTestCacheEnabled(true)
                // Message subtypes and events Daybook does not handle are acknowledged, not retried by Slack.
                .allEventsApiAutoAckEnabled(true);
        if (settings.multiWorkspace()) {
            config.clientId(settings.clientId()).clientSecret(settings.clientSecret())
                    .redirectUri(redirectUri(settings, publicUrl))
                    .scope(settings.scopes())
                    .appPath("/slack/").oauthInstallPath("install").oauthRedirectUriPath("oauth_redirect")
                    .stateValidationEnabled(true);
        } else {
            config.singleTeamBotToken(settings.botToken());
        }
        // Every request Slack waits for is answered within its three seconds, over HTTP and Socket Mode
        // alike (both run the app through run()); see AnswerInTime.
        App app = new App(config.build()) {
            @Override
            public Response run(Request request) throws Exception {
                return inTime.run(request, () -> super.run(request));
            }
        };
        if (settings.multiWorkspace()) {
            app.service(installations);
            app.service(oauthStates);
            app.asOAuthApp(true);
            app.oauthCallbackStateError((request, response) -> OAuthPages.refused(response, "invalid_state"));
            app.oauthCallbackError((request, response) -> OAuthPages.refused(response,
                    request.getPayload().getError()));
        }
        listeners.forEach(listener -> listener.register(app));
        log.info("Slack: {} with {} listeners.", settings.socketMode()
                ? (settings.httpMode() ? "Socket Mode and HTTP at /slack/events" : "Socket Mode")
                : "HTTP at /slack/events", listeners.size());
        return app;
    }

    EventsServlet slackEventsServlet(App app) {
        return new EventsServlet(new SlackEventsServlet(app));
    }

    SignatureFilter slackSignatureFilter(SlackSettings settings, Clock clock) {
        // Without a signing secret (Socket Mode only) nothing may come in over HTTP: an empty secret
        // would make every signature guessable, so a random one refuses everything.
        String secret = settings.httpMode() ? settings.signingSecret() : UUID.randomUUID().toString();
        var registration = new SignatureFilter(new SlackSignatureFilter(secret, clock));
        registration.addUrlPatterns("/slack/events");
        return registration;
    }

    InstallServlet slackInstallServlet(App app) {
        return new InstallServlet(new SlackOAuthAppServlet(app));
    }

    // Named types, so that the registrar declares each bean with its full type (generics and all)
    // and the servlet container finds them as it would @Bean methods.
    static final class EventsServlet extends ServletRegistrationBean<SlackAppServlet> {
        EventsServlet(SlackAppServlet servlet) {
            super(servlet, "/slack/events");
        }
    }

    static final class InstallServlet extends ServletRegistrationBean<SlackOAuthAppServlet> {
        InstallServlet(SlackOAuthAppServlet servlet) {
            super(servlet, "/slack/install", "/slack/oauth_redirect");
        }
    }

    static final class SignatureFilter extends FilterRegistrationBean<SlackSignatureFilter> {
        SignatureFilter(SlackSignatureFilter filter) {
            super(filter);
        }
    }

    /**
     * The OAuth redirect URL sent to Slack: {@code SLACK_REDIRECT_URI} when set, otherwise derived from
     * {@code DAYBOOK_PUBLIC_URL}; with neither, none is sent and Slack uses the app's only redirect URL.
     */
    static String redirectUri(SlackSettings settings, PublicUrl publicUrl) {
        String explicit = blankToNull(settings.redirectUri());
        if (explicit != null) {
            return explicit;
        }
        return publicUrl.isSet() ? publicUrl.resolve("/slack/oauth_redirect") : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
