CREATE OR REPLACE FUNCTION public.audit_purge(retention interval)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    cutoff timestamptz := now() - retention;
    purged bigint;
BEGIN
    IF retention < interval '30 days' THEN
        RAISE EXCEPTION 'audit retention must be at least 30 days, not %', retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('exchange.audit_purge_before', cutoff::text, true);
    DELETE FROM audit_entries WHERE occurred_at < cutoff;
    GET DIAGNOSTICS purged = ROW_COUNT;
    PERFORM set_config('exchange.audit_purge_before', '', true);
    RETURN purged;
END $function$;
