-- Phones and their provisioning, per-context device policies, and each user's out-of-office settings.

create table sb_device (
    id                     bigint       not null primary key,
    user_id                bigint       not null references sb_user (id),
    device_id              varchar(128) not null,
    device_type            varchar(64)  not null,
    user_agent             varchar(255),
    protocol_version       varchar(8),
    first_seen             timestamp(6) with time zone not null,
    last_seen              timestamp(6) with time zone not null,
    policy_key             bigint,
    pending_policy_key     bigint,
    blocked                boolean      not null,
    wipe_state             varchar(24)  not null,
    wipe_requested_at      timestamp(6) with time zone,
    wipe_acknowledged_at   timestamp(6) with time zone,
    model                  varchar(255),
    imei                   varchar(64),
    friendly_name          varchar(255),
    os                     varchar(255),
    os_language            varchar(64),
    phone_number           varchar(64),
    mobile_operator        varchar(255),
    enable_outbound_sms    boolean,
    recovery_password      varchar(255),
    constraint uq_device unique (user_id, device_id)
);

-- The policy of a context: its settings by EASProvisionDoc name; a new key on every change.
create table sb_policy (
    context_id  bigint not null primary key references sb_context (id),
    policy_key  bigint not null,
    changed_at  timestamp(6) with time zone not null
);
create table sb_policy_setting (
    context_id  bigint       not null references sb_policy (context_id),
    name        varchar(64)  not null,
    setting_value  varchar(255),
    constraint pk_policy_setting primary key (context_id, name)
);
-- Every context has its policy; later contexts get theirs when they are created.
insert into sb_policy (context_id, policy_key, changed_at) select id, 1, current_timestamp from sb_context;

create table sb_oof (
    user_id     bigint      not null primary key references sb_user (id),
    state       varchar(16) not null,
    start_time  timestamp(6) with time zone,
    end_time    timestamp(6) with time zone
);
create table sb_oof_message (
    user_id    bigint      not null references sb_oof (user_id),
    audience   varchar(16) not null,
    enabled    boolean     not null,
    reply      varchar(8000),
    body_type  varchar(8)  not null,
    constraint pk_oof_message primary key (user_id, audience)
);
