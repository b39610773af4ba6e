--liquibase formatted sql

--changeset clinlead:0022-own-records splitStatements:false
-- Nobody verifies, approves or corrects their own regulated record (docs/training-records.md,
-- "Segregation of duties"). The services refuse it; these triggers are the backstop for any code
-- path. Each looks up one row per written row: the cost follows the change.

-- A signature that verifies or approves ("Reviewed and verified", "Approved") may not be given by
-- the person the record is about.
create function guard_own_signature() returns trigger language plpgsql as $$
declare
    subject bigint;
    signer  bigint;
begin
    if new.meaning = 'Completed and understood' then
        return new;
    end if;
    subject := case new.record_type
        when 'training_completion' then (select employee_id from training_completion where id = new.record_id)
        when 'training_assignment' then (select employee_id from training_assignment where id = new.record_id)
        when 'certification' then (select employee_id from certification where id = new.record_id)
    end;
    select employee_id into signer from app_user where id = new.signer_user_id;
    if subject is not null and subject = signer then
        raise exception 'nobody verifies or approves their own record (% %)', new.record_type, new.record_id
            using errcode = 'CL004';
    end if;
    return new;
end
$$;
create trigger e_signature_not_own before insert on e_signature
    for each row execute function guard_own_signature();

-- Verifying or rejecting a waiting completion or certification, and recording a correction, is
-- refused when the acting user (clinlead.actor_id, set by the application for every write) is the
-- record's person. The WHEN clauses keep bulk imports from calling the function at all.
create function guard_own_record() returns trigger language plpgsql as $$
declare
    actor bigint := nullif(current_setting('clinlead.actor_id', true), '')::bigint;
begin
    if actor is not null and exists (select 1 from app_user where id = actor and employee_id = new.employee_id) then
        raise exception 'nobody verifies, rejects or corrects their own record (% %)', tg_table_name, new.id
            using errcode = 'CL004';
    end if;
    return new;
end
$$;
create trigger training_completion_correction_not_own before insert on training_completion
    for each row when (new.corrects_id is not null) execute function guard_own_record();
create trigger training_completion_verification_not_own before update on training_completion
    for each row when (old.status = 'awaiting_verification' and new.status is distinct from old.status)
    execute function guard_own_record();
create trigger certification_verification_not_own before update on certification
    for each row when (old.status = 'awaiting_verification' and new.status is distinct from old.status)
    execute function guard_own_record();
