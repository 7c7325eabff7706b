-- A canvas change is counted in the transaction that derives the update now, no longer by the outbox
-- listeners 'slack.canvas.update-recorded' and 'slack.canvas.update-deleted', which are gone. Work they
-- left outstanding can no longer be run: count it as a change of every canvas (one edit more, at
-- worst), and forget it.
update project_canvas set changed_seq = changed_seq + 1
 where enabled = true
   and exists (select 1 from event_publication
                where event_publication.completion_date is null
                  and event_publication.listener_id in ('slack.canvas.update-recorded',
                                                        'slack.canvas.update-deleted'));

delete from event_publication
 where listener_id in ('slack.canvas.update-recorded', 'slack.canvas.update-deleted');
