package dev.daybook.digest.summary;

import java.time.LocalDate;

/**
 * An experiment run of the week, its metrics as reported, and where its check by a teammate stands.
 *
 * @param comparability for a new best, whether it was measured like the previous best (and what
 *                      differs), and the goals it counts for only once confirmed comparable; else null
 */
public record RunLine(String runId, String person, LocalDate day, String metrics, Check check, String comparability) {

    public RunLine(String runId, String person, LocalDate day, String metrics, Check check) {
        this(runId, person, day, metrics, check, null);
    }

    /** Whether a teammate checked the run's result. */
    public enum Check {
        VERIFIED("verified"),
        UNVERIFIED("not verified yet"),
        DISPUTED("disputed"),
        /** Not a new best: nothing to check. */
        NOT_NEEDED("no new best");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean verified() {
        return check == Check.VERIFIED;
    }
}
