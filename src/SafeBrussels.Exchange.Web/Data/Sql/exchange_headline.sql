CREATE OR REPLACE FUNCTION public.exchange_headline(language text, document text, query text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT ts_headline(public.exchange_config(language), document, query::tsquery,
    'StartSel=⟦, StopSel=⟧, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "')
$function$;
