package dev.daybook;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * A listener that fails after a commit (Slack down, rate limited) is not an error to page anyone
 * about: its publication stays in the outbox and {@link OutboxRetry} tries again. Say so in one line.
 */
@Component
class OutboxFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxFailures.class);

    private final OutboxBackoff backoff;

    OutboxFailures(OutboxBackoff backoff) {
        this.backoff = backoff;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (Throwable failure, Method method, Object... params) -> {
            String work = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            backoff.failed(method, params, failure);
            log.warn("{} did not finish ({}); it stays in the outbox and will be retried.", work, failure.toString());
            log.debug("{} failed", work, failure);
        };
    }
}
