CREATE OR REPLACE FUNCTION public.exchange_theme_vector(theme_ids uuid[])
 RETURNS tsvector
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(setweight(
           to_tsvector('public.exchange_fr'::regconfig, string_agg(t.label_fr, ' '))
        || to_tsvector('public.exchange_nl'::regconfig, string_agg(t.label_nl, ' '))
        || to_tsvector('public.exchange_en'::regconfig, string_agg(t.label_en, ' ')), 'D'), ''::tsvector)
  FROM themes t
  WHERE t.id = ANY(theme_ids)
     OR t.id IN (SELECT parent_id FROM themes WHERE id = ANY(theme_ids) AND parent_id IS NOT NULL)
$function$;
