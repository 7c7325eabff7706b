package dev.daybook.testkit;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.KeyMatcher;

/**
 * Counts the runs of one Quartz job on one instance's scheduler, so that a test can let the job run
 * a few more times ("and again, and nothing more was sent") by waiting for those runs, not for a
 * fixed time that a loaded machine may not fit them into.
 */
public final class JobRuns implements JobListener {

    private final String name = "job-runs-" + UUID.randomUUID();
    private final AtomicInteger runs = new AtomicInteger();

    private JobRuns() {
    }

    public static JobRuns of(AppInstance instance, JobKey job) {
        JobRuns counter = new JobRuns();
        try {
            instance.bean(Scheduler.class).getListenerManager().addJobListener(counter, KeyMatcher.keyEquals(job));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        return counter;
    }

    /** Runs finished since this counter was added. */
    public int count() {
        return runs.get();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        runs.incrementAndGet();
    }
}
