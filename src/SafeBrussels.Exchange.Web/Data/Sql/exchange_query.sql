CREATE OR REPLACE FUNCTION public.exchange_query(query text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT query::tsquery $function$;
