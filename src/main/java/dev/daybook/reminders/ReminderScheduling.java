package dev.daybook.reminders;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminder job and its trigger, stored in Quartz's tables. A run missed while no instance was up
 * is not made up for ("next with remaining count"): the next regular run sends what is still due, and
 * reminders older than {@code daybook.reminders.stale-after} are skipped.
 */
@Configuration(proxyBeanMethods = false)
class ReminderScheduling {

    static final JobKey JOB = JobKey.jobKey("reminders", "daybook");

    @Bean
    JobDetail reminderJobDetail() {
        return JobBuilder.newJob(ReminderJob.class).withIdentity(JOB)
                .withDescription("Sends the end-of-day reminders that are due").storeDurably().build();
    }

    @Bean
    Trigger reminderJobTrigger(ReminderSettings settings) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity("reminders", "daybook")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.checkEvery().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
