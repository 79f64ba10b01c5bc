-- A device's last Ping (heartbeat in seconds, watched collection ids joined by commas): an empty Ping repeats it.
alter table sb_device add column ping_heartbeat integer;
alter table sb_device add column ping_collections varchar(8000);
