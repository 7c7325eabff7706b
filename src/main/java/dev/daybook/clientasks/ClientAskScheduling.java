package dev.daybook.clientasks;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The client-ask nudge job and its trigger; a missed run is made up by the next (nudges are once per ask). */
@Configuration(proxyBeanMethods = false)
class ClientAskScheduling {

    static final JobKey JOB = JobKey.jobKey("client-ask-nudges", "daybook");

    @Bean
    JobDetail clientAskJobDetail() {
        return JobBuilder.newJob(ClientAskJob.class).withIdentity(JOB)
                .withDescription("Nudges project leads about client asks older than the project's limit")
                .storeDurably().build();
    }

    @Bean
    Trigger clientAskJobTrigger(ClientAskSettings settings) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity("client-ask-nudges", "daybook")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.checkEvery().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
