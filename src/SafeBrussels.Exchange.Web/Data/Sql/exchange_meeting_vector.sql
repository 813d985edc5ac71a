CREATE OR REPLACE FUNCTION public.exchange_meeting_vector(m meetings, body text)
 RETURNS tsvector
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT public.exchange_meeting_document(m.language, m.title,
    (SELECT string_agg(a.title, ' ' ORDER BY a.position) FROM meeting_agenda_items a WHERE a.meeting_id = m.id),
    (SELECT string_agg(d.text, E'\n' ORDER BY d.position) FROM meeting_decisions d WHERE d.meeting_id = m.id),
    body, m.location, ARRAY(SELECT theme_id FROM meeting_themes WHERE meeting_id = m.id))
$function$;
