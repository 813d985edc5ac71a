CREATE OR REPLACE FUNCTION public.exchange_rank_fast(document tsvector, clauses text[], weights real[], query text)
 RETURNS real
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT public.exchange_matched(document, clauses::tsquery[], weights) + ts_rank('{0.1, 0.2, 0.4, 1.0}', document, query::tsquery, 32)
$function$;
