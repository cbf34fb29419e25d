using Strata.Lint;
using static Strata.Tests.Lint.LintTestMigrations;

namespace Strata.Tests.Lint;

/// <summary>Hazards the linter missed before issue 18, beyond the one-line cases of <see cref="LintCases"/>.</summary>
public sealed class NewRuleTests
{
    [Fact]
    public void Adding_a_column_with_unique_or_check_builds_or_scans_under_the_lock()
    {
        Found(Folder("ALTER TABLE users ADD COLUMN email_hash text UNIQUE;")).ShouldContain("1:unique-without-index");
        Found(Folder("ALTER TABLE users ADD COLUMN age int CHECK (age >= 0);")).ShouldContain("1:check-not-valid");
        Found(Folder("ALTER TABLE users ADD COLUMN age int DEFAULT 0;")).ShouldBeEmpty();
    }

    [Fact]
    public void A_no_transaction_foreign_key_without_a_lock_timeout_is_reported()
    {
        const string Fk = "ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;";

        Found([Migration(1, Fk, transactional: false)]).ShouldContain("1:missing-lock-timeout");
        Found([Migration(1, "SET lock_timeout = '2s';\n" + Fk, transactional: false)]).ShouldNotContain("1:missing-lock-timeout");
        Found([Migration(1, Fk)]).ShouldNotContain("1:missing-lock-timeout", "Strata sets lock_timeout on transactional migrations");
    }

    [Fact]
    public void An_identifier_longer_than_63_bytes_is_named_with_what_postgres_keeps()
    {
        var finding = new Linter().Lint(Folder("CREATE TABLE t (id bigint, CONSTRAINT identity_registration_codes_selfservice_registration_flows_id_fk CHECK (id > 0));"))
            .Findings.Single(f => f.Rule.Id == "identifier-too-long");

        finding.Message.ShouldBe("the name identity_registration_codes_selfservice_registration_flows_id_fk is 64 bytes; PostgreSQL truncates it to identity_registration_codes_selfservice_registration_flows_id_f");
    }

    [Fact]
    public void Maintenance_on_objects_the_release_created_is_not_flagged()
    {
        Found(Folder("CREATE MATERIALIZED VIEW totals AS SELECT 1 AS n;\nREFRESH MATERIALIZED VIEW totals;")).ShouldNotContain("1:refresh-materialized-view");
        Found(Folder("CREATE INDEX i ON t (a);\nREINDEX INDEX i;", "REINDEX TABLE t;")).ShouldBe(["1:create-index-non-concurrently", "2:reindex-non-concurrently"]);
    }
}
