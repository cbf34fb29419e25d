using static Strata.Tests.Lint.LintTestMigrations;

namespace Strata.Tests.Lint;

/// <summary>Findings that were noise (issue 18): temporary objects and tables the migration itself created.</summary>
public sealed class NoiseTests
{
    [Fact]
    public void A_temporary_table_or_pg_temp_function_is_not_a_schema_change_beside_data_changes()
    {
        Found(Folder("CREATE TEMP TABLE ids AS SELECT id FROM users;\nUPDATE orders SET flag = true WHERE user_id IN (SELECT id FROM ids);"))
            .ShouldNotContain("1:mixed-schema-and-data");
        Found(Folder("CREATE FUNCTION pg_temp.fix() RETURNS void LANGUAGE sql AS $$ SELECT 1 $$;\nUPDATE orders SET flag = true WHERE flag IS NULL;"))
            .ShouldNotContain("1:mixed-schema-and-data");
        Found(Folder("CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nUPDATE orders SET flag = true WHERE flag IS NULL;"))
            .ShouldNotContain("1:mixed-schema-and-data", "creating a function locks no table");
    }

    [Fact]
    public void Dropping_a_temporary_table_is_not_a_dropped_table()
    {
        Found(Folder("CREATE TEMPORARY TABLE scratch (id int);\nDROP TABLE scratch;")).ShouldNotContain("1:drop-table");
        Found(Folder("CREATE TEMP TABLE scratch ON COMMIT DROP AS SELECT 1;\nDROP TABLE IF EXISTS scratch;")).ShouldNotContain("1:drop-table");
    }

    [Fact]
    public void Changing_every_row_of_a_table_the_migration_created_is_not_update_without_where()
    {
        Found(Folder("CREATE TABLE plans AS SELECT DISTINCT plan FROM users;\nUPDATE plans SET plan = lower(plan);\nDELETE FROM plans;"))
            .ShouldNotContain("1:update-without-where");
        Found(Folder("UPDATE users SET plan = lower(plan);")).ShouldContain("1:update-without-where");
    }

    [Fact]
    public void A_data_change_before_the_lock_or_in_a_no_transaction_migration_is_not_mixed()
    {
        Found(Folder("UPDATE users SET plan = 'free' WHERE plan IS NULL;\nALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';"))
            .ShouldNotContain("1:mixed-schema-and-data");
        Found([Migration(1, "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;", transactional: false)])
            .ShouldNotContain("1:mixed-schema-and-data", "each statement commits on its own");
    }

    [Fact]
    public void A_new_column_without_a_default_adds_its_foreign_key_without_a_scan()
    {
        Found(Folder("ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);")).ShouldNotContain("1:foreign-key-not-valid");
        Found(Folder("ALTER TABLE orders ADD COLUMN coupon_id bigint NOT NULL DEFAULT 0 REFERENCES coupons (id);")).ShouldContain("1:foreign-key-not-valid");
    }
}
