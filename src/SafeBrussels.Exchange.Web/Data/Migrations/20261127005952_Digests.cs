using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Digests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "digest_day",
                table: "users",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Monday");

            migrationBuilder.AddColumn<string>(
                name: "digest_frequency",
                table: "users",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Weekly");

            migrationBuilder.AddColumn<int>(
                name: "digest_hour",
                table: "users",
                type: "integer",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<string>(
                name: "email_language",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "digest_deliveries",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_deliveries", x => new { x.user_id, x.period });
                    table.ForeignKey(
                        name: "fk_digest_deliveries_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    theme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follows", x => x.id);
                    table.CheckConstraint("ck_follows_one_target", "num_nonnulls(theme_id, organization_id, practice_id, meeting_id) = 1");
                    table.ForeignKey(
                        name: "fk_follows_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organization_themes",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    theme_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_themes", x => new { x.organization_id, x.theme_id });
                    table.ForeignKey(
                        name: "fk_organization_themes_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organization_themes_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_updated_at",
                table: "meetings",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_follows_meeting_id",
                table: "follows",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_follows_organization_id",
                table: "follows",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_follows_practice_id",
                table: "follows",
                column: "practice_id");

            migrationBuilder.CreateIndex(
                name: "ix_follows_theme_id",
                table: "follows",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_follows_user_id_meeting_id",
                table: "follows",
                columns: new[] { "user_id", "meeting_id" },
                unique: true,
                filter: "meeting_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follows_user_id_organization_id",
                table: "follows",
                columns: new[] { "user_id", "organization_id" },
                unique: true,
                filter: "organization_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follows_user_id_practice_id",
                table: "follows",
                columns: new[] { "user_id", "practice_id" },
                unique: true,
                filter: "practice_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follows_user_id_theme_id",
                table: "follows",
                columns: new[] { "user_id", "theme_id" },
                unique: true,
                filter: "theme_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_organization_themes_theme_id",
                table: "organization_themes",
                column: "theme_id");

            // A theme with each of its ancestors (itself included): following a theme follows its children. A table
            // refreshed whenever themes change (rarely), so that digests look it up by index instead of walking the tree.
            migrationBuilder.Sql("""
                CREATE TABLE theme_lineage (
                    ancestor_id uuid NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
                    theme_id uuid NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
                    PRIMARY KEY (ancestor_id, theme_id));
                CREATE INDEX ix_theme_lineage_theme_id ON theme_lineage (theme_id);
                CREATE FUNCTION exchange_fill_theme_lineage() RETURNS void LANGUAGE sql AS $$
                    DELETE FROM theme_lineage;
                    INSERT INTO theme_lineage (ancestor_id, theme_id)
                    WITH RECURSIVE lineage(ancestor_id, theme_id) AS (
                        SELECT id, id FROM themes
                        UNION
                        SELECT lineage.ancestor_id, child.id FROM themes child JOIN lineage ON child.parent_id = lineage.theme_id
                    )
                    SELECT ancestor_id, theme_id FROM lineage;
                $$;
                CREATE FUNCTION exchange_refresh_theme_lineage() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM exchange_fill_theme_lineage();
                    RETURN NULL;
                END $$;
                CREATE TRIGGER themes_refresh_lineage AFTER INSERT OR UPDATE OR DELETE ON themes
                    FOR EACH STATEMENT EXECUTE FUNCTION exchange_refresh_theme_lineage();
                SELECT exchange_fill_theme_lineage();
                """);

            // New members start following their organization's usual themes, whatever creates them.
            migrationBuilder.Sql("""
                CREATE FUNCTION exchange_follow_usual_themes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO follows (id, user_id, theme_id, created_at)
                    SELECT gen_random_uuid(), NEW.id, t.theme_id, now()
                    FROM organization_themes t WHERE t.organization_id = NEW.organization_id
                    ON CONFLICT DO NOTHING;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER users_follow_usual_themes AFTER INSERT ON users
                    FOR EACH ROW EXECUTE FUNCTION exchange_follow_usual_themes();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER users_follow_usual_themes ON users;
                DROP FUNCTION exchange_follow_usual_themes();
                DROP TRIGGER themes_refresh_lineage ON themes;
                DROP FUNCTION exchange_refresh_theme_lineage();
                DROP FUNCTION exchange_fill_theme_lineage();
                DROP TABLE theme_lineage;
                """);

            migrationBuilder.DropTable(
                name: "digest_deliveries");

            migrationBuilder.DropTable(
                name: "follows");

            migrationBuilder.DropTable(
                name: "organization_themes");

            migrationBuilder.DropIndex(
                name: "ix_meetings_updated_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "digest_day",
                table: "users");

            migrationBuilder.DropColumn(
                name: "digest_frequency",
                table: "users");

            migrationBuilder.DropColumn(
                name: "digest_hour",
                table: "users");

            migrationBuilder.DropColumn(
                name: "email_language",
                table: "users");
        }
    }
}
