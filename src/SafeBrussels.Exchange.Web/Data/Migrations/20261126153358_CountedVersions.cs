using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountedVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The concurrency token was PostgreSQL's xmin (a system column); it is now a counted column,
            // so that search-index triggers can rewrite a row without making the next save look concurrent.
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "practices",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "meetings",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "version", table: "practices");
            migrationBuilder.DropColumn(name: "version", table: "meetings");
        }
    }
}
