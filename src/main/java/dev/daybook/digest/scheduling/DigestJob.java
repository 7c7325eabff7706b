package dev.daybook.digest.scheduling;

import dev.daybook.digest.Digests;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz fires this every minute on one instance of the cluster; {@link Digests} decides what is due. */
@DisallowConcurrentExecution
class DigestJob extends QuartzJobBean {

    private final Digests digests;
    private final Clock clock;

    DigestJob(Digests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        digests.sendDue(clock.instant());
    }
}
