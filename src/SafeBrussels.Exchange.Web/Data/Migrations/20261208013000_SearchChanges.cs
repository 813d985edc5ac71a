using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SafeBrussels.Exchange.Web.Data.Sql;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <summary>
    /// The search index's change sequence (docs/search.md): every write to a practice, a meeting, a comment or what
    /// they are indexed with adds a row to <c>search_changes</c> in the same transaction, with the transaction's id, so
    /// that each instance's index reads again exactly the records that changed and never misses a committed one.
    /// </summary>
    [DbContext(typeof(ExchangeDbContext))]
    [Migration("20261208013000_SearchChanges")]
    public partial class SearchChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_changes (
                    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    record_type text NOT NULL,
                    record_id uuid NOT NULL,
                    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
                    changed_at timestamp with time zone NOT NULL DEFAULT now()
                );
                CREATE INDEX ix_search_changes_transaction_id ON search_changes (transaction_id);
                -- Which database an index follows: an index made from another one (a restored copy, a test database) is rebuilt.
                CREATE TABLE search_epoch (epoch uuid NOT NULL DEFAULT gen_random_uuid());
                INSERT INTO search_epoch DEFAULT VALUES;
                """);
            SqlFunctions.Apply(migrationBuilder, "exchange_search_changed", "exchange_search_theme_changed");
            migrationBuilder.Sql("CREATE TRIGGER practices_search_changes_insert AFTER INSERT ON practices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('practice', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER practices_search_changes_update AFTER UPDATE ON practices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('practice', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER practices_search_changes_delete AFTER DELETE ON practices REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('practice', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER practice_themes_search_changes_insert AFTER INSERT ON practice_themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('practice', 'practice_id');");
            migrationBuilder.Sql("CREATE TRIGGER practice_themes_search_changes_update AFTER UPDATE ON practice_themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('practice', 'practice_id');");
            migrationBuilder.Sql("CREATE TRIGGER practice_themes_search_changes_delete AFTER DELETE ON practice_themes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('practice', 'practice_id');");
            migrationBuilder.Sql("CREATE TRIGGER meetings_search_changes_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER meetings_search_changes_update AFTER UPDATE ON meetings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER meetings_search_changes_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_themes_search_changes_insert AFTER INSERT ON meeting_themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_themes_search_changes_update AFTER UPDATE ON meeting_themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_themes_search_changes_delete AFTER DELETE ON meeting_themes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_agenda_items_search_changes_insert AFTER INSERT ON meeting_agenda_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_agenda_items_search_changes_update AFTER UPDATE ON meeting_agenda_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_agenda_items_search_changes_delete AFTER DELETE ON meeting_agenda_items REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_decisions_search_changes_insert AFTER INSERT ON meeting_decisions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_decisions_search_changes_update AFTER UPDATE ON meeting_decisions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_decisions_search_changes_delete AFTER DELETE ON meeting_decisions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_participants_search_changes_insert AFTER INSERT ON meeting_participants REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_participants_search_changes_update AFTER UPDATE ON meeting_participants REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_participants_search_changes_delete AFTER DELETE ON meeting_participants REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_attendees_search_changes_insert AFTER INSERT ON meeting_attendees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_attendees_search_changes_update AFTER UPDATE ON meeting_attendees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER meeting_attendees_search_changes_delete AFTER DELETE ON meeting_attendees REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('meeting', 'meeting_id');");
            migrationBuilder.Sql("CREATE TRIGGER comments_search_changes_insert AFTER INSERT ON comments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('comment', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER comments_search_changes_update AFTER UPDATE ON comments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('comment', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER comments_search_changes_delete AFTER DELETE ON comments REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_changed('comment', 'id');");
            migrationBuilder.Sql("CREATE TRIGGER themes_search_changes_update AFTER UPDATE ON themes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public.exchange_search_theme_changed();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS practices_search_changes_insert ON practices;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS practices_search_changes_update ON practices;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS practices_search_changes_delete ON practices;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS practice_themes_search_changes_insert ON practice_themes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS practice_themes_search_changes_update ON practice_themes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS practice_themes_search_changes_delete ON practice_themes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meetings_search_changes_insert ON meetings;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meetings_search_changes_update ON meetings;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meetings_search_changes_delete ON meetings;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_themes_search_changes_insert ON meeting_themes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_themes_search_changes_update ON meeting_themes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_themes_search_changes_delete ON meeting_themes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_agenda_items_search_changes_insert ON meeting_agenda_items;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_agenda_items_search_changes_update ON meeting_agenda_items;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_agenda_items_search_changes_delete ON meeting_agenda_items;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_decisions_search_changes_insert ON meeting_decisions;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_decisions_search_changes_update ON meeting_decisions;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_decisions_search_changes_delete ON meeting_decisions;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_participants_search_changes_insert ON meeting_participants;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_participants_search_changes_update ON meeting_participants;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_participants_search_changes_delete ON meeting_participants;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_attendees_search_changes_insert ON meeting_attendees;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_attendees_search_changes_update ON meeting_attendees;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS meeting_attendees_search_changes_delete ON meeting_attendees;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS comments_search_changes_insert ON comments;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS comments_search_changes_update ON comments;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS comments_search_changes_delete ON comments;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS themes_search_changes_update ON themes;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public.exchange_search_changed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public.exchange_search_theme_changed();");
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_changes;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_epoch;");
        }
    }
}
