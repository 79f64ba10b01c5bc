-- Ghosted properties (MS-ASCMD 2.2.3.179 Supported): a client names in its first Sync of a folder (SyncKey 0) the
-- contact and calendar elements it manages; the ones it may ghost but did not name keep their stored values when
-- a later Change leaves them out. Kept per (device, collection) until the next SyncKey 0, as property names
-- separated by commas; null when the client sent no Supported (then nothing is ghosted before 16.0).

alter table sb_sync_state add column ghosted varchar(4000);
