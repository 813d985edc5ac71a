CREATE OR REPLACE FUNCTION public.exchange_search_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- TG_ARGV: the kind of record the index must read again, and the column of the changed rows that names it.
  EXECUTE format('INSERT INTO search_changes (record_type, record_id) SELECT DISTINCT %L, %I FROM changed WHERE %I IS NOT NULL',
    TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]);
  RETURN NULL;
END
$function$;
