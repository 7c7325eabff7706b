package dev.daybook.access;

/**
 * Who is calling the HTTP API, as established from the bearer token.
 *
 * @param teamId    the workspace the caller may read, or null for the deployment-wide token
 * @param projectId the one project a project token is for, or null for the deployment-wide token
 */
public record ApiCaller(String teamId, Long projectId) {

    /** The request attribute under which controllers find the caller. */
    public static final String ATTRIBUTE = "dev.daybook.access.ApiCaller";

    public ApiCaller(String teamId) {
        this(teamId, null);
    }

    public boolean mayRead(String team) {
        return teamId == null || teamId.equals(team);
    }

    /** Whether the caller holds the deployment-wide (admin) token rather than one project's. */
    public boolean isAdmin() {
        return projectId == null && teamId == null;
    }

    /** Whether the caller may read and write this project's runs and goals. */
    public boolean mayUseProject(String team, long project) {
        return projectId == null ? mayRead(team) : teamId.equals(team) && projectId == project;
    }
}
