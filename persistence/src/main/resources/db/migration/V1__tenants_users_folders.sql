-- Tenants (contexts), their users and admins, and each user's private folders.
-- Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL.

create sequence sb_id_seq start with 1000 increment by 50;

create table sb_context (
    id          bigint       not null primary key,
    name        varchar(128) not null,
    enabled     boolean      not null,
    created_at  timestamp(6) with time zone not null,
    constraint uq_context_name unique (name)
);

-- A login domain maps to exactly one context.
create table sb_context_domain (
    context_id  bigint       not null references sb_context (id),
    domain      varchar(255) not null,
    constraint pk_context_domain primary key (domain)
);
create index ix_context_domain_context on sb_context_domain (context_id);

create table sb_user (
    id               bigint       not null primary key,
    context_id       bigint       not null references sb_context (id),
    login_name       varchar(128) not null,
    display_name     varchar(255),
    primary_email    varchar(320),
    password_hash    varchar(512) not null,
    enabled          boolean      not null,
    perm_activesync  boolean      not null,
    perm_outlook     boolean      not null,
    imap_login       varchar(320),
    created_at       timestamp(6) with time zone not null,
    constraint uq_user_login unique (context_id, login_name)
);

create table sb_user_alias (
    user_id  bigint       not null references sb_user (id),
    address  varchar(320) not null,
    constraint pk_user_alias primary key (user_id, address)
);

-- Admin accounts are separate from users; context_id null means the master admin.
create table sb_admin (
    id             bigint       not null primary key,
    login_name     varchar(128) not null,
    context_id     bigint       references sb_context (id),
    password_hash  varchar(512) not null,
    enabled        boolean      not null,
    created_at     timestamp(6) with time zone not null,
    constraint uq_admin_login unique (login_name)
);
create index ix_admin_context on sb_admin (context_id);

create table sb_folder (
    id              bigint       not null primary key,
    owner_id        bigint       not null references sb_user (id),
    parent_id       bigint       references sb_folder (id),
    name            varchar(255) not null,
    content_type    varchar(16)  not null,
    default_folder  boolean      not null,
    created_at      timestamp(6) with time zone not null
);
create index ix_folder_owner on sb_folder (owner_id);

-- Bare login names and an empty domain resolve to this context; it always exists.
insert into sb_context (id, name, enabled, created_at) values (1, 'defaultcontext', true, current_timestamp);
