CREATE OR REPLACE FUNCTION public.exchange_tsquery(clause text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT to_tsquery('public.exchange_fr'::regconfig, clause)
      || to_tsquery('public.exchange_nl'::regconfig, clause)
      || to_tsquery('public.exchange_en'::regconfig, clause)
$function$;
