package dev.daybook.runs.polling;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.daybook.runs.MlflowPolling;

/**
 * The MLflow polling job and its trigger, every {@code daybook.mlflow.poll-every}. A look missed while no
 * instance was up is not made up for: the next one reads from each experiment's cursor, so nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
class MlflowPollScheduling {

    static final JobKey JOB = JobKey.jobKey("mlflow-poll", "daybook");

    @Bean
    JobDetail mlflowPollJobDetail() {
        return JobBuilder.newJob(MlflowPollJob.class).withIdentity(JOB)
                .withDescription("Looks for runs that finished in the MLflow experiments projects watch")
                .storeDurably().build();
    }

    @Bean
    Trigger mlflowPollJobTrigger(MlflowPolling polling) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity("mlflow-poll", "daybook")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(polling.interval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
