package dev.daybook.slack.settings;

import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;

import dev.daybook.projects.Project;
import dev.daybook.slack.blockkit.FormValues;

/**
 * One feature's part of the {@code /daybook settings} form. The form shows every section's inputs
 * below the project's own; on submit each section first checks its values, and only when every
 * section accepts them are they saved, so a rejected form saves nothing.
 */
public interface ProjectSettingsSection {

    /** Where the section goes in the form: lower first. */
    int order();

    /** The section's blocks; their block ids must be unique across the form. */
    List<LayoutBlock> blocks(Project project);

    /** Errors to show, keyed by block id; empty when the values can be saved. */
    Map<String, String> check(Project project, FormValues values);

    /** Saves the section's values; called only after every section's {@link #check} passed. */
    void save(Project project, FormValues values);
}
