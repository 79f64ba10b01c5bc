-- PIM folders shared with other users of the context (read-only or read-write) or public to the whole
-- context, and the device types that are shown shared and public folders.

alter table sb_folder add column public_folder boolean default false not null;

create table sb_folder_share (
    folder_id  bigint  not null references sb_folder (id) on delete cascade,
    user_id    bigint  not null references sb_user (id) on delete cascade,
    writable   boolean not null,
    constraint pk_folder_share primary key (folder_id, user_id)
);
create index ix_folder_share_user on sb_folder_share (user_id);

alter table sb_context add column shared_folder_device_types varchar(1024) default 'iPhone,iPad' not null;
