package dev.daybook.slack.workspace;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when Daybook is installed into workspaces through OAuth (client id and secret set). */
public class MultiWorkspace extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return StringUtils.hasText(env.getProperty("daybook.slack.client-id"))
                && StringUtils.hasText(env.getProperty("daybook.slack.client-secret"))
                ? ConditionOutcome.match("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set")
                : ConditionOutcome.noMatch("no OAuth client");
    }
}
