using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditPurgeAsOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The purge runs with the owner's rights, so that an application role without DELETE on the trail can
            // still apply the retention (and only the retention: the function refuses less than 30 days).
            migrationBuilder.Sql("ALTER FUNCTION audit_purge(interval) SECURITY DEFINER SET search_path = public, pg_temp;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER FUNCTION audit_purge(interval) SECURITY INVOKER RESET search_path;");
        }
    }
}
