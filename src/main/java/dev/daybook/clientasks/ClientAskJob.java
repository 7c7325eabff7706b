package dev.daybook.clientasks;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz fires this on one instance of the cluster; {@link ClientAskNudges} decides who is nudged. */
@DisallowConcurrentExecution
class ClientAskJob extends QuartzJobBean {

    private final ClientAskNudges nudges;
    private final Clock clock;

    ClientAskJob(ClientAskNudges nudges, Clock clock) {
        this.nudges = nudges;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        nudges.sendDue(clock.instant());
    }
}
