using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PracticeAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "meeting_id",
                table: "attachments",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "practice_id",
                table: "attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_attachments_practice_id",
                table: "attachments",
                column: "practice_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_attachments_one_record",
                table: "attachments",
                sql: "(practice_id IS NULL) <> (meeting_id IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "fk_attachments_practices_practice_id",
                table: "attachments",
                column: "practice_id",
                principalTable: "practices",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_attachments_practices_practice_id",
                table: "attachments");

            migrationBuilder.DropIndex(
                name: "ix_attachments_practice_id",
                table: "attachments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_attachments_one_record",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "practice_id",
                table: "attachments");

            migrationBuilder.AlterColumn<Guid>(
                name: "meeting_id",
                table: "attachments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
