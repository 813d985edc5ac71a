CREATE OR REPLACE FUNCTION public.exchange_fill_theme_lineage()
 RETURNS void
 LANGUAGE sql
AS $function$
    DELETE FROM theme_lineage;
    INSERT INTO theme_lineage (ancestor_id, theme_id)
    WITH RECURSIVE lineage(ancestor_id, theme_id) AS (
        SELECT id, id FROM themes
        UNION
        SELECT lineage.ancestor_id, child.id FROM themes child JOIN lineage ON child.parent_id = lineage.theme_id
    )
    SELECT ancestor_id, theme_id FROM lineage;
$function$;
