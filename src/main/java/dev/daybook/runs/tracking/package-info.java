/**
 * Where the projects' MLflow tracking servers and their sealed tokens are kept: the store, the
 * start-up resealing after a key rotation, and the health detail naming projects whose token no key
 * opens; the experiments a project watches with their polling cursors ({@code MlflowCursors}), and the
 * runs found whose owners are to be asked about them ({@code MlflowRunAsks}). Internal to {@code runs}; others ask {@code RunService}.
 */
package dev.daybook.runs.tracking;
