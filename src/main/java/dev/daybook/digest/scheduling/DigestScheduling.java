package dev.daybook.digest.scheduling;

import dev.daybook.digest.DigestSettings;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weekly summary job and its trigger. Missed firings are not made up for one by one: the next
 * firing finds every summary that was missed while the service was down and posts it once, late.
 */
@Configuration(proxyBeanMethods = false)
class DigestScheduling {

    static final JobKey JOB = JobKey.jobKey("weekly-summaries", "daybook");

    @Bean
    JobDetail digestJobDetail() {
        return JobBuilder.newJob(DigestJob.class).withIdentity(JOB)
                .withDescription("Posts the weekly stakeholder summaries that are due").storeDurably().build();
    }

    @Bean
    Trigger digestJobTrigger(DigestSettings settings) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity("weekly-summaries", "daybook")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.checkEvery().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
