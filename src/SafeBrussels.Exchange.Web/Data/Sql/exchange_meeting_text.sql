CREATE OR REPLACE FUNCTION public.exchange_meeting_text(m meetings)
 RETURNS text
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT public.exchange_meeting_text_of(
    (SELECT string_agg(concat_ws(' ', a.title, a.notes), E'\n' ORDER BY a.position) FROM meeting_agenda_items a WHERE a.meeting_id = m.id),
    (SELECT string_agg(d.text, E'\n' ORDER BY d.position) FROM meeting_decisions d WHERE d.meeting_id = m.id),
    m.minutes)
$function$;
