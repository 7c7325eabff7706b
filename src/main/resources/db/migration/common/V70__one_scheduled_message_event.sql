-- Reminders, budget notes and weekly summaries are published as one event, ScheduledMessageDue, to one
-- listener. Work still outstanding under the three events it replaces cannot be read back any more:
-- forget it, and forget the decisions it was for that had not finished, so that the scheduler decides
-- them again (a reminder within its hour, a summary within its catch-up time). Their Slack delivery keys
-- are unchanged, so a message an earlier version posted already is not posted a second time.
delete from scheduled_dispatch
 where finished_at is null
   and exists (select 1 from event_publication
                where event_publication.completion_date is null
                  and event_publication.event_type in ('dev.daybook.reminders.ReminderDue',
                                                       'dev.daybook.budget.BudgetNoteDue',
                                                       'dev.daybook.digest.WeeklySummaryDue')
                  and event_publication.serialized_event
                      like concat('%"dispatchId":', cast(scheduled_dispatch.id as varchar(20)), ',%'));

delete from event_publication
 where completion_date is null
   and event_type in ('dev.daybook.reminders.ReminderDue', 'dev.daybook.budget.BudgetNoteDue',
                      'dev.daybook.digest.WeeklySummaryDue');
