--liquibase formatted sql

--changeset clinlead:0003-audit-event
-- The append-only audit trail (21 CFR Part 11 §11.10(e)): who, when, what, old and new values, why.
create table audit_event (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default clock_timestamp(),
    actor_user_id bigint,
    actor_name    text not null,
    entity_type   text not null,
    entity_id     text not null,
    action        text not null check (action in ('insert', 'update', 'delete')),
    old_value     jsonb,
    new_value     jsonb,
    reason        text
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at desc);
create index audit_event_occurred_at_idx on audit_event (occurred_at desc);
create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at desc);

--changeset clinlead:0003-audit-functions splitStatements:false
-- Writes one audit_event per changed row. The actor and reason come from transaction-local
-- settings (clinlead.actor_id, clinlead.actor_name, clinlead.reason) that the application sets
-- when it begins a transaction; changes made outside the application are attributed to the
-- database role. Trigger arguments name columns to leave out; a leading '!' marks a secret
-- whose value is never written but whose change is ("changed").
create function audit_row() returns trigger language plpgsql as $$
declare
    old_doc jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
    new_doc jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
    col text;
    secret_changed boolean;
begin
    foreach col in array coalesce(tg_argv, array[]::text[]) loop
        if left(col, 1) = '!' then
            col := substr(col, 2);
            secret_changed := tg_op = 'UPDATE' and (old_doc -> col) is distinct from (new_doc -> col);
            old_doc := old_doc - col;
            new_doc := new_doc - col;
            if secret_changed then
                new_doc := new_doc || jsonb_build_object(col, 'changed');
            end if;
        else
            old_doc := old_doc - col;
            new_doc := new_doc - col;
        end if;
    end loop;
    if tg_op = 'UPDATE' and (old_doc - 'updated_at' - 'version') = (new_doc - 'updated_at' - 'version') then
        return null;
    end if;
    insert into audit_event (actor_user_id, actor_name, entity_type, entity_id, action, old_value, new_value, reason)
    values (nullif(current_setting('clinlead.actor_id', true), '')::bigint,
            coalesce(nullif(current_setting('clinlead.actor_name', true), ''), 'database:' || session_user),
            tg_table_name,
            coalesce(new_doc ->> 'id', old_doc ->> 'id'),
            lower(tg_op),
            old_doc,
            new_doc,
            nullif(current_setting('clinlead.reason', true), ''));
    return null;
end
$$;

create function forbid_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on audit_event is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

--changeset clinlead:0003-audit-triggers
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function forbid_audit_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function forbid_audit_change();

create trigger org_unit_audit after insert or update or delete on org_unit
    for each row execute function audit_row();
create trigger job_role_audit after insert or update or delete on job_role
    for each row execute function audit_row();
create trigger career_path_audit after insert or update or delete on career_path
    for each row execute function audit_row();
create trigger employee_audit after insert or update or delete on employee
    for each row execute function audit_row('search_text');
create trigger app_user_audit after insert or update or delete on app_user
    for each row execute function audit_row('!password_hash', 'failed_login_count', 'last_login_at');
create trigger app_user_role_audit after insert or update or delete on app_user_role
    for each row execute function audit_row();
create trigger api_token_audit after insert or update or delete on api_token
    for each row execute function audit_row('token_hash', 'last_used_at');
create trigger coaching_relationship_audit after insert or update or delete on coaching_relationship
    for each row execute function audit_row();
