using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportDocumentsInParallel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An import stages a file in tables of this schema, created and dropped inside its own transaction (never
            // visible to anyone else), rather than in temporary tables: PostgreSQL's parallel workers can read these, so
            // that the search documents of a large file are computed on every core. The application role may create
            // tables here only (migrate --app-role grants it), not in the data's schema.
            // The documents' functions say what they cost (tens of thousands of characters parsed three ways), so that the
            // planner runs a large file's documents in parallel; a handful of records stays on one core.
            migrationBuilder.Sql("""
                CREATE SCHEMA exchange_staging;
                ALTER FUNCTION public.exchange_practice_document(text, text, text, text, text, text, text, text, text[], jsonb, uuid[]) COST 10000;
                ALTER FUNCTION public.exchange_meeting_document(text, text, text, text, text, text, uuid[]) COST 10000;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER FUNCTION public.exchange_meeting_document(text, text, text, text, text, text, uuid[]) COST 100;
                ALTER FUNCTION public.exchange_practice_document(text, text, text, text, text, text, text, text, text[], jsonb, uuid[]) COST 100;
                DROP SCHEMA exchange_staging;
                """);
        }
    }
}
