CREATE OR REPLACE FUNCTION public.exchange_rank(document tsvector, clauses text[], weights real[], query text)
 RETURNS real
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT public.exchange_matched(document, clauses::tsquery[], weights) + ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', document, query::tsquery, 32)
$function$;
