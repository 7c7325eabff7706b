package dev.daybook.runs.polling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import dev.daybook.runs.MlflowPolling;

/**
 * Quartz fires this on one instance of the cluster (the job store is clustered, and a run still going
 * when the next is due is not started beside it); {@link MlflowPolling} does the look.
 */
@DisallowConcurrentExecution
class MlflowPollJob extends QuartzJobBean {

    private final MlflowPolling polling;

    MlflowPollJob(MlflowPolling polling) {
        this.polling = polling;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        polling.pollAll();
    }
}
