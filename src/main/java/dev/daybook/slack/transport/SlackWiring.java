package dev.daybook.slack.transport;

import java.time.Clock;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RouterFunction;

import dev.daybook.slack.workspace.InstallationStore;
import dev.daybook.slack.workspace.OAuthStateStore;
import dev.daybook.support.PublicUrl;

/**
 * Chooses how Slack is wired from the environment when the application starts: the Bolt app over
 * HTTP and/or Socket Mode, with the OAuth install pages when installed into several workspaces, or,
 * without credentials, the endpoint that says what to set.
 *
 * <p>This is a {@link BeanRegistrar} rather than {@code @Conditional} beans because Spring's
 * ahead-of-time processing (the jar is built with it, see docs/operations.md) fixes every condition
 * at build time, when no Slack settings exist; a registrar runs again at every start, AOT or not.
 * Public only because the code generated at build time calls it from Daybook's root package.
 */
public class SlackWiring implements BeanRegistrar {

    @Override
    public void register(BeanRegistry registry, Environment env) {
        if (!configured(env)) {
            registry.registerBean("slackNotConfigured", SlackNotConfigured.class,
                    spec -> spec.supplier(beans -> new SlackNotConfigured(beans.bean(SlackSettings.class))));
            registry.registerBean("slackNotConfiguredRoutes", RouterFunction.class,
                    spec -> spec.supplier(beans -> beans.bean(SlackNotConfigured.class).routes()));
            return;
        }
        BoltConfiguration bolt = new BoltConfiguration();
        registry.registerBean("slackApp", App.class, spec -> spec.supplier(beans -> bolt.slackApp(
                beans.bean(Slack.class), beans.bean(SlackSettings.class),
                beans.beanProvider(SlackListener.class).orderedStream().toList(),
                beans.bean(InstallationStore.class), beans.bean(OAuthStateStore.class),
                beans.bean(PublicUrl.class), beans.bean(AnswerInTime.class))));
        registry.registerBean("slackEventsServlet", BoltConfiguration.EventsServlet.class,
                spec -> spec.supplier(beans -> bolt.slackEventsServlet(beans.bean(App.class))));
        registry.registerBean("slackSignatureFilter", BoltConfiguration.SignatureFilter.class,
                spec -> spec.supplier(beans -> bolt.slackSignatureFilter(beans.bean(SlackSettings.class),
                        beans.bean(Clock.class))));
        if (multiWorkspace(env)) {
            registry.registerBean("slackInstallServlet", BoltConfiguration.InstallServlet.class,
                    spec -> spec.supplier(beans -> bolt.slackInstallServlet(beans.bean(App.class))));
        }
        registry.registerBean("socketModeConnection", SocketModeConnection.class, spec -> spec.supplier(
                beans -> new SocketModeConnection(beans.bean(App.class), beans.bean(SlackSettings.class))));
        registry.registerBean("publicUrlWarning", PublicUrlWarning.class,
                spec -> spec.supplier(beans -> new PublicUrlWarning(beans.bean(PublicUrl.class))));
    }

    /** There are credentials to talk to Slack: something to authorize with, and HTTP or Socket Mode. */
    static boolean configured(PropertyResolver env) {
        boolean authorize = has(env, "daybook.slack.bot-token") || multiWorkspace(env);
        return authorize && (has(env, "daybook.slack.signing-secret") || has(env, "daybook.slack.app-token"));
    }

    /** Installed into workspaces through OAuth (client id and secret set). */
    static boolean multiWorkspace(PropertyResolver env) {
        return has(env, "daybook.slack.client-id") && has(env, "daybook.slack.client-secret");
    }

    private static boolean has(PropertyResolver env, String name) {
        return StringUtils.hasText(env.getProperty(name));
    }
}
