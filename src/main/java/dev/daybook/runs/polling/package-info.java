/** When Daybook looks for runs in the MLflow experiments projects watch: the Quartz job and its trigger. */
package dev.daybook.runs.polling;
