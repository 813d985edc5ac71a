CREATE OR REPLACE FUNCTION public.exchange_config(language text)
 RETURNS regconfig
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT CASE language WHEN 'fr' THEN 'public.exchange_fr'::regconfig
                       WHEN 'nl' THEN 'public.exchange_nl'::regconfig
                       ELSE 'public.exchange_en'::regconfig END
$function$;
