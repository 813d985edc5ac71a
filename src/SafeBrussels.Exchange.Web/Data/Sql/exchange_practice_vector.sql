CREATE OR REPLACE FUNCTION public.exchange_practice_vector(p practices)
 RETURNS tsvector
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT public.exchange_practice_document(p.language, p.title, p.summary, p.problem, p.approach, p.results,
    p.adaptation_context, p.adaptation_changes, p.target_groups, p.translations,
    ARRAY(SELECT theme_id FROM practice_themes WHERE practice_id = p.id))
$function$;
