package dev.daybook.support;

/**
 * Implemented by every module that stores data of a workspace, so that a workspace's data can be
 * deleted completely when it uninstalls Daybook and its grace period ends. Implementations run in
 * {@link org.springframework.core.annotation.Order} (dependents before what they depend on).
 */
public interface WorkspaceData {

    /** Deletes everything this module stores for the workspace; called inside a transaction. */
    void deleteWorkspace(String teamId);
}
