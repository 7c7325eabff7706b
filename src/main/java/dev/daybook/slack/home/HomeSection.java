package dev.daybook.slack.home;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * One part of a person's App Home tab. Sections are shown in {@link #order()}, separated by dividers;
 * a section with nothing to say returns no blocks.
 */
interface HomeSection {

    /** Where the section goes: lower first. */
    int order();

    List<LayoutBlock> blocks(String teamId, String userId);
}
