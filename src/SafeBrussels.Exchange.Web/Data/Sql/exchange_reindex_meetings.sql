CREATE OR REPLACE FUNCTION public.exchange_reindex_meetings()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE meetings SET search_vector = NULL WHERE id IN (SELECT meeting_id FROM changed);
  RETURN NULL;
END
$function$;
