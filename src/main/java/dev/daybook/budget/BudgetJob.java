package dev.daybook.budget;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz fires this every minute on one instance of the cluster; {@link Budget} decides what is due. */
@DisallowConcurrentExecution
class BudgetJob extends QuartzJobBean {

    private final Budget budget;
    private final Clock clock;

    BudgetJob(Budget budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        budget.sendDue(clock.instant());
    }
}
