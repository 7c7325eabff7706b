package dev.daybook;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code scheduler} health component, part of readiness: an instance whose Quartz scheduler has
 * stopped would still answer Slack but never send a reminder or a summary, so the load balancer and
 * the operator should hear of it. An instance configured not to schedule
 * ({@code spring.quartz.auto-startup=false}, a web-only instance) is healthy without a running scheduler.
 */
@Component("schedulerHealthIndicator")
class SchedulerHealth extends AbstractHealthIndicator {

    private final Scheduler scheduler;
    private final boolean expectedToRun;

    SchedulerHealth(Scheduler scheduler, @Value("${spring.quartz.auto-startup:true}") boolean expectedToRun) {
        super("Quartz scheduler check failed");
        this.scheduler = scheduler;
        this.expectedToRun = expectedToRun;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws SchedulerException {
        SchedulerMetaData meta = scheduler.getMetaData();
        health.withDetail("instance", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered());
        if (meta.isShutdown()) {
            health.down().withDetail("state", "shut down");
        } else if (!meta.isStarted() || meta.isInStandbyMode()) {
            (expectedToRun ? health.down() : health.up())
                    .withDetail("state", expectedToRun ? "not running" : "not started on this instance by configuration");
        } else {
            // Reading the triggers touches the job store, so a store that lost its tables shows here.
            health.up().withDetail("state", "running").withDetail("jobs", scheduler.getJobGroupNames().size());
        }
    }
}
