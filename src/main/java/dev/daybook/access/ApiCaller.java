package dev.daybook.access;

/**
 * Who is calling the HTTP API, as established from the bearer token.
 *
 * @param teamId the workspace the caller may read, or null for the deployment-wide token
 */
public record ApiCaller(String teamId) {

    /** The request attribute under which controllers find the caller. */
    public static final String ATTRIBUTE = "dev.daybook.access.ApiCaller";

    public boolean mayRead(String team) {
        return teamId == null || teamId.equals(team);
    }
}
