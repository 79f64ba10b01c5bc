-- MoveItems and the remembered Sync request.

-- A moved item gets a new id in its new folder (so moving it back never meets its own tombstone);
-- the tombstone it leaves names that id, so a repeated MoveItems (a lost response) is answered with
-- the same DstMsgId instead of failing or moving twice.
alter table sb_pim_tombstone add column moved_to bigint;

-- A device's last full Sync request (its collections and their options, without sync keys or
-- commands), which an empty or Partial Sync (12.1+) repeats or completes. Kept as the protocol
-- module encoded it: the engine stores it, only the protocol reads it.
create table sb_sync_request (
    device_id  bigint          not null primary key references sb_device (id) on delete cascade,
    request    varchar(65536)  not null
);
