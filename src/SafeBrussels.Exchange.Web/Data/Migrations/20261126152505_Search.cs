using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Text search configurations and query functions (the comments' generated column needs them).
            migrationBuilder.Sql("""
CREATE EXTENSION IF NOT EXISTS unaccent;

-- One configuration per language, folding accents before stemming; "simple" for names and codes.
CREATE TEXT SEARCH CONFIGURATION public.exchange_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION public.exchange_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
ALTER TEXT SEARCH CONFIGURATION public.exchange_fr ALTER MAPPING FOR numword, hword_numpart, numhword WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION public.exchange_nl (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION public.exchange_nl ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
ALTER TEXT SEARCH CONFIGURATION public.exchange_nl ALTER MAPPING FOR numword, hword_numpart, numhword WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION public.exchange_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION public.exchange_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
ALTER TEXT SEARCH CONFIGURATION public.exchange_en ALTER MAPPING FOR numword, hword_numpart, numhword WITH unaccent, simple;

CREATE FUNCTION public.exchange_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE language WHEN 'fr' THEN 'public.exchange_fr'::regconfig
                       WHEN 'nl' THEN 'public.exchange_nl'::regconfig
                       ELSE 'public.exchange_en'::regconfig END
$$;

-- A query clause (to_tsquery syntax) read in the three languages at once.
CREATE FUNCTION public.exchange_tsquery(clause text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsquery('public.exchange_fr'::regconfig, clause)
      || to_tsquery('public.exchange_nl'::regconfig, clause)
      || to_tsquery('public.exchange_en'::regconfig, clause)
$$;

-- A query in tsquery text form (as exchange_tsquery wrote it); text, because large expanded queries travel better so.
CREATE FUNCTION public.exchange_query(query text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT query::tsquery $$;

-- Relevance: the weights of the query's clauses the record matches, then ts_rank_cd (title A > summary B > body C > themes D) within (0, 1).
CREATE FUNCTION public.exchange_rank(document tsvector, clauses text[], weights real[], query text) RETURNS real
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  matched real := 0;
BEGIN
  FOR i IN 1 .. coalesce(array_length(clauses, 1), 0) LOOP
    IF document @@ clauses[i]::tsquery THEN matched := matched + weights[i]; END IF;
  END LOOP;
  RETURN matched + ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', document, query::tsquery, 32);
END
$$;

-- Snippets: fragments around the matches, marked with ⟦ ⟧ (turned into <mark> after HTML-encoding).
CREATE FUNCTION public.exchange_headline(language text, document text, query text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ts_headline(public.exchange_config(language), document, query::tsquery,
    'StartSel=⟦, StopSel=⟧, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "')
$$;
""");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "practices",
                type: "tsvector",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "meetings",
                type: "tsvector",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "comments",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('public.exchange_fr'::regconfig, body) || to_tsvector('public.exchange_nl'::regconfig, body) || to_tsvector('public.exchange_en'::regconfig, body)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "glossary_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    theme = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    terms_fr = table.Column<List<string>>(type: "text[]", nullable: false),
                    terms_nl = table.Column<List<string>>(type: "text[]", nullable: false),
                    terms_en = table.Column<List<string>>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_glossary_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practices_search_vector",
                table: "practices",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_search_vector",
                table: "meetings",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_comments_search_vector",
                table: "comments",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_glossary_entries_key",
                table: "glossary_entries",
                column: "key",
                unique: true);

            // Indexing functions and triggers: the index is written in the same transaction as every save.
            migrationBuilder.Sql("""
-- Theme labels of a record, in the three languages, themes and their parents.
CREATE FUNCTION public.exchange_theme_vector(theme_ids uuid[]) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(setweight(
           to_tsvector('public.exchange_fr'::regconfig, string_agg(t.label_fr, ' '))
        || to_tsvector('public.exchange_nl'::regconfig, string_agg(t.label_nl, ' '))
        || to_tsvector('public.exchange_en'::regconfig, string_agg(t.label_en, ' ')), 'D'), ''::tsvector)
  FROM themes t
  WHERE t.id = ANY(theme_ids)
     OR t.id IN (SELECT parent_id FROM themes WHERE id = ANY(theme_ids) AND parent_id IS NOT NULL)
$$;

CREATE FUNCTION public.exchange_practice_vector(p public.practices) RETURNS tsvector
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  config regconfig := public.exchange_config(p.language);
  translation jsonb;
  document tsvector;
BEGIN
  document := setweight(to_tsvector(config, coalesce(p.title, '')), 'A')
           || setweight(to_tsvector(config, coalesce(p.summary, '')), 'B')
           || setweight(to_tsvector(config, concat_ws(' ', p.problem, p.approach, p.results, p.adaptation_context,
                                                     p.adaptation_changes, array_to_string(p.target_groups, ' '))), 'C');
  FOR translation IN SELECT value FROM jsonb_array_elements(coalesce(p.translations, '[]'::jsonb)) LOOP
    document := document
      || setweight(to_tsvector(public.exchange_config(translation->>'language'), coalesce(translation->>'title', '')), 'A')
      || setweight(to_tsvector(public.exchange_config(translation->>'language'), coalesce(translation->>'summary', '')), 'B');
  END LOOP;
  RETURN document || public.exchange_theme_vector(ARRAY(SELECT theme_id FROM practice_themes WHERE practice_id = p.id));
END
$$;

CREATE FUNCTION public.exchange_meeting_text(m public.meetings) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT concat_ws(E'\n',
    (SELECT string_agg(concat_ws(' ', a.title, a.notes), E'\n' ORDER BY a.position) FROM meeting_agenda_items a WHERE a.meeting_id = m.id),
    (SELECT string_agg(d.text, E'\n' ORDER BY d.position) FROM meeting_decisions d WHERE d.meeting_id = m.id),
    m.minutes)
$$;

CREATE FUNCTION public.exchange_meeting_vector(m public.meetings, body text) RETURNS tsvector
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  config regconfig := public.exchange_config(m.language);
BEGIN
  RETURN setweight(to_tsvector(config, coalesce(m.title, '')), 'A')
      || setweight(to_tsvector(config, concat_ws(' ',
           (SELECT string_agg(a.title, ' ') FROM meeting_agenda_items a WHERE a.meeting_id = m.id),
           (SELECT string_agg(d.text, ' ') FROM meeting_decisions d WHERE d.meeting_id = m.id))), 'B')
      || setweight(to_tsvector(config, concat_ws(' ', body, m.location)), 'C')
      || public.exchange_theme_vector(ARRAY(SELECT theme_id FROM meeting_themes WHERE meeting_id = m.id));
END
$$;

-- Rows: recomputed before every insert and update, in the same transaction as the save. A bulk import sets
-- exchange.defer_index for its transaction and re-indexes what it wrote once at the end, instead of once per
-- row and again for each of its child tables.
CREATE FUNCTION public.exchange_practice_index() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NEW; END IF;
  NEW.search_vector := public.exchange_practice_vector(NEW);
  RETURN NEW;
END
$$;

CREATE FUNCTION public.exchange_meeting_index() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NEW; END IF;
  NEW.search_text := public.exchange_meeting_text(NEW);
  NEW.search_vector := public.exchange_meeting_vector(NEW, NEW.search_text);
  RETURN NEW;
END
$$;

CREATE TRIGGER practices_search BEFORE INSERT OR UPDATE ON practices FOR EACH ROW EXECUTE FUNCTION public.exchange_practice_index();
CREATE TRIGGER meetings_search BEFORE INSERT OR UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION public.exchange_meeting_index();

-- Children (themes, agenda, decisions): once per statement, the parents they touched are re-indexed.
CREATE FUNCTION public.exchange_reindex_practices() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE practices SET search_vector = NULL WHERE id IN (SELECT practice_id FROM changed);
  RETURN NULL;
END
$$;

CREATE FUNCTION public.exchange_reindex_meetings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('exchange.defer_index', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE meetings SET search_vector = NULL WHERE id IN (SELECT meeting_id FROM changed);
  RETURN NULL;
END
$$;

CREATE TRIGGER practice_themes_search_insert AFTER INSERT ON practice_themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_practices();
CREATE TRIGGER practice_themes_search_delete AFTER DELETE ON practice_themes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_practices();
CREATE TRIGGER meeting_themes_search_insert AFTER INSERT ON meeting_themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_themes_search_delete AFTER DELETE ON meeting_themes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_agenda_search_insert AFTER INSERT ON meeting_agenda_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_agenda_search_update AFTER UPDATE ON meeting_agenda_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_agenda_search_delete AFTER DELETE ON meeting_agenda_items REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_decisions_search_insert AFTER INSERT ON meeting_decisions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_decisions_search_update AFTER UPDATE ON meeting_decisions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();
CREATE TRIGGER meeting_decisions_search_delete AFTER DELETE ON meeting_decisions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_meetings();

-- A renamed theme re-indexes what carries it.
CREATE FUNCTION public.exchange_reindex_theme() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE practices SET search_vector = NULL WHERE id IN (SELECT practice_id FROM practice_themes WHERE theme_id IN (SELECT id FROM changed));
  UPDATE meetings SET search_vector = NULL WHERE id IN (SELECT meeting_id FROM meeting_themes WHERE theme_id IN (SELECT id FROM changed));
  RETURN NULL;
END
$$;
CREATE TRIGGER themes_search_update AFTER UPDATE ON themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_reindex_theme();

-- Existing rows.
UPDATE practices SET search_vector = NULL;
UPDATE meetings SET search_vector = NULL;
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER IF EXISTS themes_search_update ON themes;
DROP TRIGGER IF EXISTS meeting_decisions_search_delete ON meeting_decisions;
DROP TRIGGER IF EXISTS meeting_decisions_search_update ON meeting_decisions;
DROP TRIGGER IF EXISTS meeting_decisions_search_insert ON meeting_decisions;
DROP TRIGGER IF EXISTS meeting_agenda_search_delete ON meeting_agenda_items;
DROP TRIGGER IF EXISTS meeting_agenda_search_update ON meeting_agenda_items;
DROP TRIGGER IF EXISTS meeting_agenda_search_insert ON meeting_agenda_items;
DROP TRIGGER IF EXISTS meeting_themes_search_delete ON meeting_themes;
DROP TRIGGER IF EXISTS meeting_themes_search_insert ON meeting_themes;
DROP TRIGGER IF EXISTS practice_themes_search_delete ON practice_themes;
DROP TRIGGER IF EXISTS practice_themes_search_insert ON practice_themes;
DROP TRIGGER IF EXISTS meetings_search ON meetings;
DROP TRIGGER IF EXISTS practices_search ON practices;
DROP FUNCTION IF EXISTS public.exchange_reindex_theme();
DROP FUNCTION IF EXISTS public.exchange_reindex_meetings();
DROP FUNCTION IF EXISTS public.exchange_reindex_practices();
DROP FUNCTION IF EXISTS public.exchange_meeting_index();
DROP FUNCTION IF EXISTS public.exchange_practice_index();
DROP FUNCTION IF EXISTS public.exchange_meeting_vector(public.meetings, text);
DROP FUNCTION IF EXISTS public.exchange_meeting_text(public.meetings);
DROP FUNCTION IF EXISTS public.exchange_practice_vector(public.practices);
DROP FUNCTION IF EXISTS public.exchange_theme_vector(uuid[]);
""");

            migrationBuilder.DropTable(
                name: "glossary_entries");

            migrationBuilder.DropIndex(
                name: "ix_practices_search_vector",
                table: "practices");

            migrationBuilder.DropIndex(
                name: "ix_meetings_search_vector",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_comments_search_vector",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "meetings");

            migrationBuilder.Sql("""
DROP FUNCTION IF EXISTS public.exchange_headline(text, text, text);
DROP FUNCTION IF EXISTS public.exchange_rank(tsvector, text[], real[], text);
DROP FUNCTION IF EXISTS public.exchange_query(text);
DROP FUNCTION IF EXISTS public.exchange_tsquery(text);
DROP FUNCTION IF EXISTS public.exchange_config(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.exchange_en;
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.exchange_nl;
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.exchange_fr;
""");
        }
    }
}
