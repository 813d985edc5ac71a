CREATE OR REPLACE FUNCTION public.exchange_reindex_practices()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE practices SET search_vector = NULL WHERE id IN (SELECT practice_id FROM changed);
  RETURN NULL;
END
$function$;
