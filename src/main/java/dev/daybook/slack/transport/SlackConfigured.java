package dev.daybook.slack.transport;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when there are credentials to talk to Slack (HTTP mode or Socket Mode). */
class SlackConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean bot = StringUtils.hasText(env.getProperty("daybook.slack.bot-token"))
                || StringUtils.hasText(env.getProperty("daybook.slack.client-id"))
                && StringUtils.hasText(env.getProperty("daybook.slack.client-secret"));
        boolean secret = StringUtils.hasText(env.getProperty("daybook.slack.signing-secret"));
        boolean app = StringUtils.hasText(env.getProperty("daybook.slack.app-token"));
        return bot && (secret || app)
                ? ConditionOutcome.match("Slack credentials are set")
                : ConditionOutcome.noMatch("Slack credentials are missing");
    }

    static class Not extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome outcome = new SlackConfigured().getMatchOutcome(context, metadata);
            return outcome.isMatch() ? ConditionOutcome.noMatch(outcome.getMessage())
                    : ConditionOutcome.match(outcome.getMessage());
        }
    }
}
