/**
 * Experiment runs: reported in updates, by training scripts over the HTTP API, and enriched from an
 * MLflow tracking server; their metrics, and the sceptic's check (a new best is unverified until a
 * teammate verifies it).
 */
package dev.daybook.runs;
