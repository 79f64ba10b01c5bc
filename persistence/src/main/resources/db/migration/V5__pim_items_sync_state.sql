-- PIM items (contacts, appointments, tasks) as property maps, their change sequence and tombstones,
-- and the sync state of every (device, collection).

-- Every PIM write takes its modseq from this one sequence, after locking the folder row, so within a
-- folder modseqs follow commit order and "changes since N" never misses a write.
create sequence sb_modseq_seq start with 1 increment by 1;
alter table sb_folder add column modseq bigint default 0 not null;

create table sb_pim_item (
    id          bigint          not null primary key,
    folder_id   bigint          not null references sb_folder (id) on delete cascade,
    item_class  varchar(16)     not null,
    uid         varchar(255),
    modseq      bigint          not null,
    created_modseq bigint       not null,
    properties  varchar(1000000) not null
);
create index ix_pim_item_changes on sb_pim_item (folder_id, modseq);

create table sb_pim_tombstone (
    item_id    bigint not null primary key,
    folder_id  bigint not null references sb_folder (id) on delete cascade,
    modseq     bigint not null
);
create index ix_pim_tombstone_changes on sb_pim_tombstone (folder_id, modseq);

-- What a sync key promised: everything up to high_water was sent. The previous key's promise is
-- kept for replay. own_writes lists what the device itself wrote with the current key (ClientId of an
-- add, ServerId, modseq): a replayed add returns its ServerId instead of adding twice, and a write
-- above high_water is never sent back to its writer.
create table sb_sync_state (
    device_id            bigint       not null references sb_device (id) on delete cascade,
    collection_id        varchar(64)  not null,
    sync_key             integer      not null,
    high_water           bigint       not null,
    previous_sync_key    integer,
    previous_high_water  bigint,
    own_writes           varchar(1000000),
    constraint pk_sync_state primary key (device_id, collection_id)
);
