package dev.daybook.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids by which {@code SlackAppTest.awaitWorkDone} finds the outstanding work about runs: their
 * tracker reads (a {@link RunReferenced} names the run by its id) and the work in the channel that
 * named them (the updates' derivation, which references the runs). Once none is left, "nothing more
 * was asked" can be asserted.
 */
public final class RunWork {

    private RunWork() {
    }

    public static String[] of(String channel, RunView... runs) {
        List<String> ids = new ArrayList<>(List.of(channel));
        for (RunView run : runs) {
            // The id is followed by a comma or the closing brace, whatever order the fields are written in.
            ids.add("\"runId\":" + run.id() + ",");
            ids.add("\"runId\":" + run.id() + "}");
        }
        return ids.toArray(String[]::new);
    }
}
