-- Stable ServerIds for IMAP mailboxes, the folder hierarchy each device was promised, and the
-- admin's switch for syncing mail subfolders.

create table sb_mail_folder (
    id            bigint        not null primary key,
    user_id       bigint        not null references sb_user (id),
    imap_name     varchar(1024),
    role          varchar(16)   not null,
    uid_validity  bigint,
    mailbox_id    varchar(255),
    constraint uq_mail_folder unique (user_id, imap_name)
);
create index ix_mail_folder_user on sb_mail_folder (user_id);

-- The folders behind a device's current hierarchy sync key and behind the one before it, so a
-- repeated key is answered again. One line per folder: serverId, parentId, role, display name.
create table sb_hierarchy_state (
    device_id          bigint          not null primary key references sb_device (id) on delete cascade,
    sync_key           integer         not null,
    folders            varchar(1000000) not null,
    previous_sync_key  integer,
    previous_folders   varchar(1000000)
);

alter table sb_context add column sync_mail_subfolders boolean default true not null;
alter table sb_user add column sync_mail_subfolders boolean;
