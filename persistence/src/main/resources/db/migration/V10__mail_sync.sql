-- What one device holds of one mail folder, behind its current sync key and the one before (kept for replay).
-- A snapshot is MailSnapshot's text: UIDVALIDITY, HIGHESTMODSEQ, the date window, the UIDs the device holds
-- as an IMAP sequence set and, for servers without CONDSTORE, their flags as runs. No row per message.
create table sb_mail_sync_state (
    device_id          bigint        not null references sb_device (id) on delete cascade,
    collection_id      varchar(64)   not null,
    sync_key           integer       not null,
    snapshot           varchar(1000000) not null,
    previous_sync_key  integer,
    previous_snapshot  varchar(1000000),
    primary key (device_id, collection_id)
);

-- The identity of messages sent to devices (a hash of Message-ID, arrival date and size), per mailbox and
-- UIDVALIDITY: when a mailbox comes back with a new UIDVALIDITY, devices keep the ServerIds of messages found again.
create table sb_mail_message_key (
    folder_id     bigint not null references sb_mail_folder (id) on delete cascade,
    uid_validity  bigint not null,
    uid           bigint not null,
    identity      bigint not null,
    primary key (folder_id, uid_validity, uid)
);

-- Mail a device moved with MoveItems: a repeated MoveItems (a lost response) is answered with the same
-- DstMsgId instead of failing or moving twice. Rows older than a week are dropped.
create table sb_mail_move (
    device_id              bigint    not null references sb_device (id) on delete cascade,
    source_folder_id       bigint    not null,
    source_uid             bigint    not null,
    destination_folder_id  bigint    not null,
    destination_uid        bigint    not null,
    moved_at               timestamp not null,
    primary key (device_id, source_folder_id, source_uid)
);
