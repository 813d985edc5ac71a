CREATE OR REPLACE FUNCTION public.exchange_meeting_document(language text, title text, agenda_titles text, decisions text, body text, location text, theme_ids uuid[])
 RETURNS tsvector
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE COST 10000
AS $function$
DECLARE
  config regconfig := public.exchange_config(language);
BEGIN
  RETURN setweight(to_tsvector(config, coalesce(title, '')), 'A')
      || setweight(to_tsvector(config, concat_ws(' ', agenda_titles, decisions)), 'B')
      || setweight(to_tsvector(config, concat_ws(' ', body, location)), 'C')
      || public.exchange_theme_vector(coalesce(theme_ids, '{}'));
END
$function$;
