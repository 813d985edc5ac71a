CREATE OR REPLACE FUNCTION public.exchange_practice_document(language text, title text, summary text, problem text, approach text, results text, adaptation_context text, adaptation_changes text, target_groups text[], translations jsonb, theme_ids uuid[])
 RETURNS tsvector
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE COST 10000
AS $function$
DECLARE
  config regconfig := public.exchange_config(language);
  translation jsonb;
  document tsvector;
BEGIN
  document := setweight(to_tsvector(config, coalesce(title, '')), 'A')
           || setweight(to_tsvector(config, coalesce(summary, '')), 'B')
           || setweight(to_tsvector(config, concat_ws(' ', problem, approach, results, adaptation_context, adaptation_changes,
                                                     array_to_string(target_groups, ' '))), 'C');
  FOR translation IN SELECT value FROM jsonb_array_elements(coalesce(translations, '[]'::jsonb)) LOOP
    document := document
      || setweight(to_tsvector(public.exchange_config(translation->>'language'), coalesce(translation->>'title', '')), 'A')
      || setweight(to_tsvector(public.exchange_config(translation->>'language'), coalesce(translation->>'summary', '')), 'B');
  END LOOP;
  RETURN document || public.exchange_theme_vector(coalesce(theme_ids, '{}'));
END
$function$;
