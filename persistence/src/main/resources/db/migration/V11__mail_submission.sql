-- Mail a device had submitted (SendMail, SmartReply, SmartForward), so a repeat is answered without a second
-- submission: by the phone's ClientId (send_key 'client:<ClientId>', 14.0+) and by the iMIP message it carried
-- (send_key 'imip:<hash of METHOD, ORGANIZER, UID, SEQUENCE, RECURRENCE-ID and the envelope recipients>'), which
-- iPhones send again and again. PENDING while the submission runs; rows older than a week are dropped.
create table sb_mail_submission (
    device_id   bigint       not null references sb_device (id) on delete cascade,
    send_key    varchar(80)  not null,
    user_id     bigint       not null references sb_user (id) on delete cascade,
    outcome     varchar(16)  not null,
    created_at  timestamp    not null,
    repeats     integer      not null,
    primary key (device_id, send_key)
);
