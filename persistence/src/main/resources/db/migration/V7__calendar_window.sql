-- Calendar date windows (FilterType). An appointment's span_end is when its last occurrence ends (null:
-- never, or not an appointment), so the items that enter or leave a window are found by an index range,
-- not a folder scan. A sync key also promises the window start it was given (null: no window).

alter table sb_pim_item add column span_end timestamp;
create index ix_pim_item_span on sb_pim_item (folder_id, span_end);

alter table sb_sync_state add column window_start timestamp;
alter table sb_sync_state add column previous_window_start timestamp;
