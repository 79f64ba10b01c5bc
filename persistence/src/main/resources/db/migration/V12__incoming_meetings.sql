-- Incoming iMIP: meeting requests, cancellations and replies in a user's Inbox, applied to the user's calendar.

-- An appointment is found by its iCalendar UID among its owner's calendars (MeetingResponse, a REQUEST's update).
create index ix_pim_item_uid on sb_pim_item (uid);

-- How far each user's Inbox was examined for invitations: only mail above last_uid (of this UIDVALIDITY) is new, so
-- the check before a calendar Sync costs a STATUS when nothing arrived, never a look at the whole Inbox.
create table sb_invitation_scan (
    user_id       bigint    not null primary key references sb_user (id) on delete cascade,
    uid_validity  bigint    not null,
    last_uid      bigint    not null,
    scanned_at    timestamp not null
);

-- The iMIP messages applied to a user's calendar: the organizer's latest REQUEST or CANCEL (attendee '') and each
-- attendee's latest REPLY, per meeting UID and occurrence (instance: its original start, '' for the whole meeting).
-- A message is applied once; one with a lower (or, for a REQUEST, equal) SEQUENCE is ignored.
create table sb_meeting_message (
    user_id    bigint       not null references sb_user (id) on delete cascade,
    uid        varchar(255) not null,
    instance   varchar(32)  not null,
    attendee   varchar(320) not null,
    method     varchar(8)   not null,
    sequence   integer      not null,
    dtstamp    timestamp    not null,
    primary key (user_id, uid, instance, attendee)
);
