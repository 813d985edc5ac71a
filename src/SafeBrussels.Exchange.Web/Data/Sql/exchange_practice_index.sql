CREATE OR REPLACE FUNCTION public.exchange_practice_index()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NEW; END IF;
  NEW.search_vector := public.exchange_practice_vector(NEW);
  RETURN NEW;
END
$function$;
