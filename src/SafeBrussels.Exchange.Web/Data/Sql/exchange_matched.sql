CREATE OR REPLACE FUNCTION public.exchange_matched(document tsvector, clauses tsquery[], weights real[])
 RETURNS real
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
AS $function$
DECLARE
  matched real := 0;
  n int := coalesce(array_length(clauses, 1), 0);
BEGIN
  IF n > 1 THEN
    FOR i IN 1 .. n LOOP
      IF document @@ clauses[i] THEN matched := matched + weights[i]; END IF;
    END LOOP;
  END IF;
  RETURN matched;
END
$function$;
