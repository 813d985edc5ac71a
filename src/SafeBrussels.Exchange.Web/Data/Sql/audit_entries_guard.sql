CREATE OR REPLACE FUNCTION public.audit_entries_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    purge_before text := current_setting('exchange.audit_purge_before', true);
BEGIN
    IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> ''
       AND OLD.occurred_at < purge_before::timestamptz
       AND OLD.occurred_at < now() - interval '30 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $function$;
