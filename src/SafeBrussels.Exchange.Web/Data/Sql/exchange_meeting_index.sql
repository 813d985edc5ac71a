CREATE OR REPLACE FUNCTION public.exchange_meeting_index()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NEW; END IF;
  NEW.search_text := public.exchange_meeting_text(NEW);
  NEW.search_vector := public.exchange_meeting_vector(NEW, NEW.search_text);
  RETURN NEW;
END
$function$;
