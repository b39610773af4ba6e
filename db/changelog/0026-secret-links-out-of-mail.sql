--liquibase formatted sql

--changeset clinlead:0026-outbox-secret-links
-- A message that carries a secret link (an external rater's personal link) is stored with a
-- placeholder and a reference to what the link opens; Mailer asks the feature for a fresh link
-- when it sends the message, so no secret is ever at rest in the outbox (docs/architecture.md,
-- "E-mail and scheduled work"; decision 0015).
alter table mail_outbox add column link_kind text;
alter table mail_outbox add column link_ref bigint;
alter table mail_outbox add constraint mail_outbox_link_check
    check ((link_kind is null) = (link_ref is null) and (link_kind is null or position('{personal link}' in body) > 0));
create index mail_outbox_link_idx on mail_outbox (link_kind, link_ref) where link_kind is not null;

--changeset clinlead:0026-redact-stored-links
-- Links stored before: unsent invitations get the placeholder and are sent with a fresh link;
-- in everything else the link is removed (the rater has it in their mailbox; ClinLead keeps only
-- its hash, so a link still valid keeps working).
update mail_outbox
   set body = regexp_replace(body, '\S*/external/[A-Za-z0-9_-]{20,}', '{personal link}', 'g'),
       link_kind = '360-external',
       link_ref = substring(dedupe_key from '^360-invitation:([0-9]+)$')::bigint
 where kind = '360-invitation' and sent_at is null and attempts < 5 and dedupe_key ~ '^360-invitation:[0-9]+$'
   and body ~ '/external/[A-Za-z0-9_-]{20,}';
update mail_outbox
   set body = regexp_replace(body, '\S*/external/[A-Za-z0-9_-]{20,}', '[personal link removed after sending]', 'g')
 where link_kind is null and body ~ '/external/[A-Za-z0-9_-]{20,}';
