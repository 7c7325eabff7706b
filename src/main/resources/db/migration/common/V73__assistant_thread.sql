-- Threads of Daybook's assistant panel: recorded when Slack says one started, so that every instance
-- knows a threaded direct message belongs to the panel (other threads in the DM stay ordinary), and
-- what the person was looking at (the channel beside the panel) when they asked.
create table assistant_thread (
    team_id            varchar(32)  not null,
    channel_id         varchar(32)  not null,
    thread_ts          varchar(32)  not null,
    context_channel_id varchar(32),
    started_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    constraint pk_assistant_thread primary key (team_id, channel_id, thread_ts)
);
create index ix_assistant_thread_channel on assistant_thread (channel_id, thread_ts);
