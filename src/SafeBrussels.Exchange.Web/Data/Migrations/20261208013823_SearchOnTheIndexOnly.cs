using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <summary>
    /// Search is answered by each instance's Lucene.NET index (docs/search.md): PostgreSQL's full-text search goes, with
    /// its columns, GIN indexes, triggers, functions and text search configurations. Saves and imports no longer
    /// compute documents in the database. Going back to it means restoring a backup taken before this migration.
    /// </summary>
    public partial class SearchOnTheIndexOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS practices_search ON practices;
                DROP TRIGGER IF EXISTS meetings_search ON meetings;
                DROP TRIGGER IF EXISTS practice_themes_search_insert ON practice_themes;
                DROP TRIGGER IF EXISTS practice_themes_search_delete ON practice_themes;
                DROP TRIGGER IF EXISTS meeting_themes_search_insert ON meeting_themes;
                DROP TRIGGER IF EXISTS meeting_themes_search_delete ON meeting_themes;
                DROP TRIGGER IF EXISTS meeting_agenda_search_insert ON meeting_agenda_items;
                DROP TRIGGER IF EXISTS meeting_agenda_search_update ON meeting_agenda_items;
                DROP TRIGGER IF EXISTS meeting_agenda_search_delete ON meeting_agenda_items;
                DROP TRIGGER IF EXISTS meeting_decisions_search_insert ON meeting_decisions;
                DROP TRIGGER IF EXISTS meeting_decisions_search_update ON meeting_decisions;
                DROP TRIGGER IF EXISTS meeting_decisions_search_delete ON meeting_decisions;
                DROP TRIGGER IF EXISTS themes_search_update ON themes;
                """);
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
                DROP FUNCTION IF EXISTS public.exchange_practice_index();
                DROP FUNCTION IF EXISTS public.exchange_meeting_index();
                DROP FUNCTION IF EXISTS public.exchange_reindex_practices();
                DROP FUNCTION IF EXISTS public.exchange_reindex_meetings();
                DROP FUNCTION IF EXISTS public.exchange_reindex_theme();
                DROP FUNCTION IF EXISTS public.exchange_practice_vector(practices);
                DROP FUNCTION IF EXISTS public.exchange_meeting_vector(meetings, text);
                DROP FUNCTION IF EXISTS public.exchange_meeting_text(meetings);
                """);
            // The rest by name, whatever their arguments were across the earlier migrations.
            migrationBuilder.Sql("""
                DO $$
                DECLARE f regprocedure;
                BEGIN
                  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                           WHERE n.nspname = 'public' AND p.proname IN ('exchange_config', 'exchange_headline', 'exchange_matched',
                             'exchange_meeting_document', 'exchange_meeting_text_of', 'exchange_practice_document', 'exchange_query',
                             'exchange_rank', 'exchange_rank_fast', 'exchange_theme_vector', 'exchange_tsquery')
                  LOOP
                    EXECUTE 'DROP FUNCTION ' || f::text;
                  END LOOP;
                END $$;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.exchange_fr;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.exchange_nl;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.exchange_en;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("PostgreSQL's full-text search is not restored: restore a backup taken before this migration.");
    }
}
