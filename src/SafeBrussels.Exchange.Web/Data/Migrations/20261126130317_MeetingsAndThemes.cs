using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingsAndThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    host_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    starts_offset_minutes = table.Column<short>(type: "smallint", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_offset_minutes = table.Column<short>(type: "smallint", nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    minutes = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_organizations_host_organization_id",
                        column: x => x.host_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meetings_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "themes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    label_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    label_nl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    label_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description_fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    description_nl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    description_en = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    is_retired = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_themes", x => x.id);
                    table.ForeignKey(
                        name: "fk_themes_themes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_action_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due = table.Column<DateOnly>(type: "date", nullable: true),
                    is_done = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_action_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_organizations_owner_organization_id",
                        column: x => x.owner_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "meeting_agenda_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    notes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_agenda_items_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_attendees", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_attendees_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_attendees_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_decisions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_participants",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_participants", x => new { x.meeting_id, x.organization_id });
                    table.ForeignKey(
                        name: "fk_meeting_participants_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_participants_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_revisions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_themes",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    theme_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_themes", x => new { x.meeting_id, x.theme_id });
                    table.ForeignKey(
                        name: "fk_meeting_themes_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_themes_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "themes",
                columns: new[] { "id", "description_en", "description_fr", "description_nl", "is_retired", "key", "label_en", "label_fr", "label_nl", "parent_id", "sort_order" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "Violence between partners, against children or elders within the family, and its prevention.", "Violences entre partenaires, envers les enfants ou les aînés au sein de la famille, et leur prévention.", "Geweld tussen partners, tegen kinderen of ouderen binnen het gezin, en de preventie ervan.", false, "intrafamily-violence", "Intrafamily violence", "Violences intrafamiliales", "Intrafamiliaal geweld", null, 1 },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), "Preventing violent radicalisation and supporting the people and families concerned.", "Prévention du radicalisme violent et accompagnement des personnes et des familles.", "Preventie van gewelddadige radicalisering en begeleiding van personen en gezinnen.", false, "radicalisation", "Radicalisation", "Radicalisme", "Radicalisering", null, 3 },
                    { new Guid("0193a000-0000-7000-8000-000000000004"), "Harm reduction, use in public space, dealing and support.", "Réduction des risques, consommation dans l’espace public, trafic et accompagnement.", "Schadebeperking, gebruik in de openbare ruimte, dealen en begeleiding.", false, "drugs-addiction", "Drugs and addiction", "Drogues et assuétudes", "Drugs en verslaving", null, 4 },
                    { new Guid("0193a000-0000-7000-8000-000000000005"), "Public nuisance, incivilities and how residents perceive safety.", "Nuisances publiques, incivilités et perception de la sécurité par les habitants.", "Openbare overlast, incivieke gedragingen en hoe bewoners veiligheid beleven.", false, "nuisance-insecurity", "Nuisance and the feeling of insecurity", "Nuisances et sentiment d’insécurité", "Overlast en onveiligheidsgevoel", null, 5 },
                    { new Guid("0193a000-0000-7000-8000-000000000006"), "Preparation, coordination and communication around major events and crises.", "Préparation, coordination et communication lors d’événements majeurs et de crises.", "Voorbereiding, coördinatie en communicatie bij grote evenementen en crisissen.", false, "crisis-management", "Crisis management", "Gestion de crise", "Crisisbeheer", null, 6 },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "Sexist and intimidating behaviour in public space.", "Comportements sexistes et intimidants dans l’espace public.", "Seksistisch en intimiderend gedrag in de openbare ruimte.", false, "street-harassment", "Street harassment", "Harcèlement de rue", "Straatintimidatie", new Guid("0193a000-0000-7000-8000-000000000001"), 2 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_meeting_id",
                table: "meeting_action_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_owner_organization_id",
                table: "meeting_action_items",
                column: "owner_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_owner_user_id",
                table: "meeting_action_items",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_agenda_items_meeting_id",
                table: "meeting_agenda_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendees_meeting_id",
                table: "meeting_attendees",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendees_user_id",
                table: "meeting_attendees",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_decisions_meeting_id",
                table: "meeting_decisions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_participants_organization_id",
                table: "meeting_participants",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_revisions_meeting_id_number",
                table: "meeting_revisions",
                columns: new[] { "meeting_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_themes_theme_id",
                table: "meeting_themes",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_author_id",
                table: "meetings",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_external_id",
                table: "meetings",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_host_organization_id",
                table: "meetings",
                column: "host_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_starts_at",
                table: "meetings",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_themes_key",
                table: "themes",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_themes_parent_id",
                table: "themes",
                column: "parent_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_action_items");

            migrationBuilder.DropTable(
                name: "meeting_agenda_items");

            migrationBuilder.DropTable(
                name: "meeting_attendees");

            migrationBuilder.DropTable(
                name: "meeting_decisions");

            migrationBuilder.DropTable(
                name: "meeting_participants");

            migrationBuilder.DropTable(
                name: "meeting_revisions");

            migrationBuilder.DropTable(
                name: "meeting_themes");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "themes");
        }
    }
}
