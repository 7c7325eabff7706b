/**
 * End-of-day reminders: who gets one, when (in their own time zone, on their working days), the
 * follow-up, snoozing and skipping. Decides and records; the Slack edge sends.
 */
package dev.daybook.reminders;
