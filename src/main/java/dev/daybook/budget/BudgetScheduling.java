package dev.daybook.budget;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The budget notes job and its trigger; missed runs are not made up for (stale notes are skipped). */
@Configuration(proxyBeanMethods = false)
class BudgetScheduling {

    static final JobKey JOB = JobKey.jobKey("budget-notes", "daybook");

    @Bean
    JobDetail budgetJobDetail() {
        return JobBuilder.newJob(BudgetJob.class).withIdentity(JOB)
                .withDescription("Sends the Monday planning notes and mid-week nudges that are due").storeDurably().build();
    }

    @Bean
    Trigger budgetJobTrigger(BudgetSettings settings) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity("budget-notes", "daybook")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.checkEvery().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
