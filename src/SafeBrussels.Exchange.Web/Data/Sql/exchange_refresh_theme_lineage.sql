CREATE OR REPLACE FUNCTION public.exchange_refresh_theme_lineage()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM exchange_fill_theme_lineage();
    RETURN NULL;
END $function$;
