CREATE OR REPLACE FUNCTION public.exchange_search_theme_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- A renamed or moved theme: the records of it and of its sub-themes carry its names and its lineage.
  INSERT INTO search_changes (record_type, record_id)
  SELECT 'practice', pt.practice_id FROM practice_themes pt
  WHERE pt.theme_id IN (SELECT l.theme_id FROM theme_lineage l WHERE l.ancestor_id IN (SELECT id FROM changed))
  UNION
  SELECT 'meeting', mt.meeting_id FROM meeting_themes mt
  WHERE mt.theme_id IN (SELECT l.theme_id FROM theme_lineage l WHERE l.ancestor_id IN (SELECT id FROM changed));
  RETURN NULL;
END
$function$;
