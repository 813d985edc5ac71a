CREATE OR REPLACE FUNCTION public.exchange_reindex_theme()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE practices SET search_vector = NULL WHERE id IN (SELECT practice_id FROM practice_themes WHERE theme_id IN (SELECT id FROM changed));
  UPDATE meetings SET search_vector = NULL WHERE id IN (SELECT meeting_id FROM meeting_themes WHERE theme_id IN (SELECT id FROM changed));
  RETURN NULL;
END
$function$;
