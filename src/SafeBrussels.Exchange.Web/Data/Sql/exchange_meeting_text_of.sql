CREATE OR REPLACE FUNCTION public.exchange_meeting_text_of(agenda text, decisions text, minutes text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT concat_ws(E'\n', agenda, decisions, minutes) $function$;
