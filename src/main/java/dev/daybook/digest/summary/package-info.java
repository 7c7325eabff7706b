/**
 * The model of a project's week that the digest, the canvas and the Slack edge show, and its text
 * forms: other modules read it, only {@code digest} builds it.
 */
@org.springframework.modulith.NamedInterface("summary")
package dev.daybook.digest.summary;
