using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafeBrussels.Exchange.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    target_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    target_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "actor_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_organization_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "actor_organization_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_target_organization_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "target_organization_id", "occurred_at" });
            // Append-only, enforced by the database for every role, the table's owner included: no UPDATE, no
            // TRUNCATE, and no DELETE except through audit_purge, which removes entries older than the retention and
            // refuses a retention under 30 days. (Only a superuser disabling the triggers could get around this.)
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    purge_before text := current_setting('exchange.audit_purge_before', true);
                BEGIN
                    IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> ''
                       AND OLD.occurred_at < purge_before::timestamptz
                       AND OLD.occurred_at < now() - interval '30 days' THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END $$;

                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_guard();

                CREATE FUNCTION audit_purge(retention interval) RETURNS bigint LANGUAGE plpgsql AS $$
                DECLARE
                    cutoff timestamptz := now() - retention;
                    purged bigint;
                BEGIN
                    IF retention < interval '30 days' THEN
                        RAISE EXCEPTION 'audit retention must be at least 30 days, not %', retention
                            USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    PERFORM set_config('exchange.audit_purge_before', cutoff::text, true);
                    DELETE FROM audit_entries WHERE occurred_at < cutoff;
                    GET DIAGNOSTICS purged = ROW_COUNT;
                    PERFORM set_config('exchange.audit_purge_before', '', true);
                    RETURN purged;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.Sql("DROP FUNCTION audit_purge(interval); DROP FUNCTION audit_entries_guard();");
        }
    }
}
