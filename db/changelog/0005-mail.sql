--liquibase formatted sql

--changeset clinlead:0005-mail-outbox
-- E-mail to send. A message is written in the transaction that causes it and sent afterwards by
-- a scheduled job, so a rolled-back change sends nothing. dedupe_key stops the same reminder
-- being queued twice (e.g. once per item per day).
create table mail_outbox (
    id          bigint generated always as identity primary key,
    kind        text not null,
    recipient   text not null check (recipient ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    subject     text not null,
    body        text not null,
    dedupe_key  text unique,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer not null default 0,
    last_error  text
);
create index mail_outbox_unsent_idx on mail_outbox (created_at) where sent_at is null;
