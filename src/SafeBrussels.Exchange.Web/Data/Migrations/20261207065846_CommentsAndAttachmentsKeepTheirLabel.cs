using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommentsAndAttachmentsKeepTheirLabel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // What is written on a record keeps the label and audience the record had then (docs/sharing.md).
            migrationBuilder.Sql("""
                ALTER TABLE comments
                    ADD COLUMN tlp character varying(16) NOT NULL DEFAULT 'RED',
                    ADD COLUMN host_organization_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
                    ADD COLUMN partner_organization_ids uuid[] NOT NULL DEFAULT '{}',
                    ADD COLUMN named_user_ids uuid[] NOT NULL DEFAULT '{}';

                -- On a practice: the practice as it is (practices keep no versions).
                UPDATE comments t SET tlp = p.tlp, host_organization_id = p.organization_id,
                    named_user_ids = ARRAY(SELECT p.author_id WHERE p.author_id IS NOT NULL)
                FROM practices p WHERE p.id = t.practice_id;

                -- On a meeting: the version current when it was written, else the meeting as it is.
                UPDATE comments t SET (tlp, host_organization_id, partner_organization_ids, named_user_ids) = (
                    SELECT v.tlp, v.host_organization_id, v.partner_organization_ids, v.named_user_ids FROM meeting_revisions v
                    WHERE v.meeting_id = t.meeting_id AND v.saved_at <= COALESCE(t.edited_at, t.created_at)
                    ORDER BY v.number DESC LIMIT 1)
                WHERE EXISTS (SELECT 1 FROM meeting_revisions v WHERE v.meeting_id = t.meeting_id AND v.saved_at <= COALESCE(t.edited_at, t.created_at));
                UPDATE comments t SET tlp = m.tlp, host_organization_id = m.host_organization_id,
                    partner_organization_ids = ARRAY(SELECT p.organization_id FROM meeting_participants p WHERE p.meeting_id = m.id),
                    named_user_ids = ARRAY(SELECT a.user_id FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id IS NOT NULL
                                           UNION SELECT m.author_id WHERE m.author_id IS NOT NULL)
                FROM meetings m
                WHERE m.id = t.meeting_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_revisions v WHERE v.meeting_id = t.meeting_id AND v.saved_at <= COALESCE(t.edited_at, t.created_at));

                ALTER TABLE attachments
                    ADD COLUMN tlp character varying(16) NOT NULL DEFAULT 'RED',
                    ADD COLUMN host_organization_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
                    ADD COLUMN partner_organization_ids uuid[] NOT NULL DEFAULT '{}',
                    ADD COLUMN named_user_ids uuid[] NOT NULL DEFAULT '{}';

                -- On a practice: the practice as it is (practices keep no versions).
                UPDATE attachments t SET tlp = p.tlp, host_organization_id = p.organization_id,
                    named_user_ids = ARRAY(SELECT p.author_id WHERE p.author_id IS NOT NULL)
                FROM practices p WHERE p.id = t.practice_id;

                -- On a meeting: the version current when it was written, else the meeting as it is.
                UPDATE attachments t SET (tlp, host_organization_id, partner_organization_ids, named_user_ids) = (
                    SELECT v.tlp, v.host_organization_id, v.partner_organization_ids, v.named_user_ids FROM meeting_revisions v
                    WHERE v.meeting_id = t.meeting_id AND v.saved_at <= t.uploaded_at
                    ORDER BY v.number DESC LIMIT 1)
                WHERE EXISTS (SELECT 1 FROM meeting_revisions v WHERE v.meeting_id = t.meeting_id AND v.saved_at <= t.uploaded_at);
                UPDATE attachments t SET tlp = m.tlp, host_organization_id = m.host_organization_id,
                    partner_organization_ids = ARRAY(SELECT p.organization_id FROM meeting_participants p WHERE p.meeting_id = m.id),
                    named_user_ids = ARRAY(SELECT a.user_id FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id IS NOT NULL
                                           UNION SELECT m.author_id WHERE m.author_id IS NOT NULL)
                FROM meetings m
                WHERE m.id = t.meeting_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_revisions v WHERE v.meeting_id = t.meeting_id AND v.saved_at <= t.uploaded_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "host_organization_id",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "named_user_ids",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "partner_organization_ids",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "tlp",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "host_organization_id",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "named_user_ids",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "partner_organization_ids",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "tlp",
                table: "attachments");
        }
    }
}
