-- The Global Address Book: what it shows of a user besides display name and addresses, the user's
-- photo and S/MIME certificates, and the lower-case terms that directory lookups match by prefix, for
-- users and for the contacts in users' folders. All card fields are optional: without first and last
-- name the address book takes them from the display name.

alter table sb_user add column first_name varchar(255);
alter table sb_user add column last_name varchar(255);
alter table sb_user add column title varchar(255);
alter table sb_user add column company varchar(255);
alter table sb_user add column office varchar(255);
alter table sb_user add column business_phone varchar(64);
alter table sb_user add column mobile_phone varchar(64);
alter table sb_user add column home_phone varchar(64);
-- The size of the photo in sb_user_photo, so a lookup can tell "none" and "too large" without reading it.
alter table sb_user add column photo_size integer;

create table sb_user_photo (
    user_id  bigint not null primary key references sb_user (id) on delete cascade,
    jpeg     bytea  not null
);

-- DER X.509 certificates, base64, in the order the admin gave them.
create table sb_user_certificate (
    user_id      bigint        not null references sb_user (id) on delete cascade,
    position     integer       not null,
    der_base64   varchar(24000) not null,
    constraint pk_user_certificate primary key (user_id, position)
);

-- Every word-suffix of the user's names ("anna maria berg", "maria berg", "berg"), the login name and
-- every address; a lookup for "mar" is "term like 'mar%'" within one context, on the index.
create table sb_directory_term (
    user_id     bigint       not null references sb_user (id) on delete cascade,
    context_id  bigint       not null,
    term        varchar(320) not null,
    constraint pk_directory_term primary key (user_id, term)
);
create index ix_directory_term on sb_directory_term (context_id, term);

-- The same for contacts: the word-suffixes of their names (address = false) and their e-mail
-- addresses (address = true), per folder.
create table sb_contact_key (
    item_id    bigint       not null references sb_pim_item (id) on delete cascade,
    folder_id  bigint       not null references sb_folder (id) on delete cascade,
    address    boolean      not null,
    term       varchar(320) not null,
    constraint pk_contact_key primary key (item_id, address, term)
);
create index ix_contact_key on sb_contact_key (folder_id, term);

-- Contacts written before this version have no keys yet; their folder is indexed at its first lookup.
-- Folders created from now on start indexed.
alter table sb_folder add column contact_keys_indexed boolean default false not null;

-- The terms of the users that exist: the columns above are new, so their names are the display name.
insert into sb_directory_term (user_id, context_id, term)
with recursive suffix (user_id, context_id, rest) as (
    select id, context_id, lower(trim(display_name)) from sb_user where display_name is not null
    union all
    select user_id, context_id, trim(substring(rest from position(' ' in rest) + 1)) from suffix
    where position(' ' in rest) > 0
)
select distinct user_id, context_id, substring(rest from 1 for 320) from suffix where rest <> ''
union
select id, context_id, substring(lower(login_name) from 1 for 320) from sb_user
union
select id, context_id, lower(primary_email) from sb_user where primary_email is not null
union
select a.user_id, u.context_id, lower(a.address) from sb_user_alias a join sb_user u on u.id = a.user_id;
