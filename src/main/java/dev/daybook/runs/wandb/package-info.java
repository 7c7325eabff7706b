/**
 * Reading runs from Weights &amp; Biases: the GraphQL client, its settings ({@code daybook.wandb.*}) and
 * whether W&amp;B refused the key. Internal to {@code runs}: {@code WandbEnrichment} at the module's root
 * merges what the client returns into the run, and others ask {@code RunService.wandbStatus()}.
 */
package dev.daybook.runs.wandb;
