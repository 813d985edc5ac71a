CREATE OR REPLACE FUNCTION public.exchange_follow_usual_themes()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    INSERT INTO follows (id, user_id, theme_id, created_at)
    SELECT gen_random_uuid(), NEW.id, t.theme_id, now()
    FROM organization_themes t WHERE t.organization_id = NEW.organization_id
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $function$;
