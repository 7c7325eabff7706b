/**
 * Reading an update's text: the parser and what it gives back ({@code ParsedUpdate}, its items and
 * their run and goal references), the heading vocabulary, and the one reader of references that
 * {@code runs} and {@code goals} share. Plain Java, no I/O. Exposed to other modules as the named
 * interface "parsing" (the Slack edge reads {@code UpdateService.read}'s result); its helpers stay
 * package-private.
 */
@org.springframework.modulith.NamedInterface("parsing")
package dev.daybook.updates.parsing;
