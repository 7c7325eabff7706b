package dev.daybook.reminders;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz fires this every minute on one instance of the cluster; it only asks {@link Reminders} to
 * send what is due. Quartz decides when to look; the application's clock says what time it is.
 */
@DisallowConcurrentExecution
class ReminderJob extends QuartzJobBean {

    private final Reminders reminders;
    private final Clock clock;

    ReminderJob(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reminders.sendDue(clock.instant());
    }
}
