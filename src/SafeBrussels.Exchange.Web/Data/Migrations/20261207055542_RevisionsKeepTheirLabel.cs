using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisionsKeepTheirLabel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each version keeps the label and audience it was written under (docs/sharing.md, "Old versions").
            // The defaults serve the import's COPY, which sets the real values right after.
            migrationBuilder.Sql("""
                ALTER TABLE meeting_revisions
                    ADD COLUMN tlp character varying(16) NOT NULL DEFAULT 'RED',
                    ADD COLUMN host_organization_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
                    ADD COLUMN partner_organization_ids uuid[] NOT NULL DEFAULT '{}',
                    ADD COLUMN named_user_ids uuid[] NOT NULL DEFAULT '{}';

                -- The versions saved so far, from their own snapshots: the label and the partners they were saved with, the
                -- attendees they named and the meeting's author.
                UPDATE meeting_revisions r SET
                    tlp = CASE upper(r.snapshot->>'tlp')
                        WHEN '0' THEN 'CLEAR' WHEN 'CLEAR' THEN 'CLEAR'
                        WHEN '1' THEN 'GREEN' WHEN 'GREEN' THEN 'GREEN'
                        WHEN '2' THEN 'AMBER' WHEN 'AMBER' THEN 'AMBER'
                        WHEN '3' THEN 'AMBER+STRICT' WHEN 'AMBERSTRICT' THEN 'AMBER+STRICT' WHEN 'AMBER+STRICT' THEN 'AMBER+STRICT'
                        ELSE 'RED' END,
                    host_organization_id = m.host_organization_id,
                    partner_organization_ids = ARRAY(
                        SELECT DISTINCT e.value::uuid FROM jsonb_array_elements_text(COALESCE(r.snapshot->'participantOrganizationIds', '[]'::jsonb)) AS e(value)
                        WHERE e.value::uuid <> m.host_organization_id),
                    named_user_ids = ARRAY(
                        SELECT e.value::uuid FROM jsonb_array_elements_text(COALESCE(r.snapshot->'attendeeUserIds', '[]'::jsonb)) AS e(value)
                        UNION SELECT m.author_id WHERE m.author_id IS NOT NULL)
                FROM meetings m
                WHERE m.id = r.meeting_id;

                -- Archived minutes: one row per archiving, each under the label and audience of the version current then.
                ALTER TABLE meeting_minutes_archive DROP CONSTRAINT pk_meeting_minutes_archive;
                ALTER TABLE meeting_minutes_archive
                    ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
                    ADD COLUMN tlp character varying(16) NOT NULL DEFAULT 'RED',
                    ADD COLUMN host_organization_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
                    ADD COLUMN partner_organization_ids uuid[] NOT NULL DEFAULT '{}',
                    ADD COLUMN named_user_ids uuid[] NOT NULL DEFAULT '{}';
                ALTER TABLE meeting_minutes_archive ALTER COLUMN id DROP DEFAULT;
                ALTER TABLE meeting_minutes_archive ADD CONSTRAINT pk_meeting_minutes_archive PRIMARY KEY (id);
                CREATE INDEX ix_meeting_minutes_archive_meeting_id ON meeting_minutes_archive (meeting_id);
                UPDATE meeting_minutes_archive a SET (tlp, host_organization_id, partner_organization_ids, named_user_ids) = (
                    SELECT v.tlp, v.host_organization_id, v.partner_organization_ids, v.named_user_ids FROM meeting_revisions v
                    WHERE v.meeting_id = a.meeting_id AND v.saved_at <= a.archived_at
                    ORDER BY v.number DESC LIMIT 1)
                WHERE EXISTS (SELECT 1 FROM meeting_revisions v WHERE v.meeting_id = a.meeting_id AND v.saved_at <= a.archived_at);
                UPDATE meeting_minutes_archive a SET tlp = m.tlp, host_organization_id = m.host_organization_id,
                    partner_organization_ids = ARRAY(SELECT p.organization_id FROM meeting_participants p WHERE p.meeting_id = m.id),
                    named_user_ids = ARRAY(SELECT t.user_id FROM meeting_attendees t WHERE t.meeting_id = m.id AND t.user_id IS NOT NULL
                                           UNION SELECT m.author_id WHERE m.author_id IS NOT NULL)
                FROM meetings m
                WHERE m.id = a.meeting_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_revisions v WHERE v.meeting_id = a.meeting_id AND v.saved_at <= a.archived_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_minutes_archive",
                table: "meeting_minutes_archive");

            migrationBuilder.DropIndex(
                name: "ix_meeting_minutes_archive_meeting_id",
                table: "meeting_minutes_archive");

            migrationBuilder.DropColumn(
                name: "host_organization_id",
                table: "meeting_revisions");

            migrationBuilder.DropColumn(
                name: "named_user_ids",
                table: "meeting_revisions");

            migrationBuilder.DropColumn(
                name: "partner_organization_ids",
                table: "meeting_revisions");

            migrationBuilder.DropColumn(
                name: "tlp",
                table: "meeting_revisions");

            migrationBuilder.DropColumn(
                name: "id",
                table: "meeting_minutes_archive");

            migrationBuilder.DropColumn(
                name: "host_organization_id",
                table: "meeting_minutes_archive");

            migrationBuilder.DropColumn(
                name: "named_user_ids",
                table: "meeting_minutes_archive");

            migrationBuilder.DropColumn(
                name: "partner_organization_ids",
                table: "meeting_minutes_archive");

            migrationBuilder.DropColumn(
                name: "tlp",
                table: "meeting_minutes_archive");

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_minutes_archive",
                table: "meeting_minutes_archive",
                column: "meeting_id");
        }
    }
}
