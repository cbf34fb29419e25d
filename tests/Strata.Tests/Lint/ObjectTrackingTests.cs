using Strata.Lint;
using static Strata.Tests.Lint.LintTestMigrations;

namespace Strata.Tests.Lint;

/// <summary>Objects tracked through a migration and through the folder, in order (issue 18, item 2).</summary>
public sealed class ObjectTrackingTests
{
    [Fact]
    public void A_table_renamed_earlier_in_the_migration_is_still_an_existing_table()
    {
        var found = Found(Folder("ALTER TABLE users RENAME TO people;\nALTER TABLE people DROP COLUMN email;\nCREATE INDEX people_name ON people (name);\n"
            + "ALTER TABLE people ADD CHECK (age > 0);\nALTER TABLE people ALTER COLUMN name SET NOT NULL;\n"));

        found.ShouldContain("1:drop-column");
        found.ShouldContain("1:create-index-non-concurrently");
        found.ShouldContain("1:check-not-valid");
        found.ShouldContain("1:set-not-null");
    }

    [Fact]
    public void A_function_created_earlier_in_the_folder_is_volatile_unless_declared_otherwise()
    {
        const string Volatile = "CREATE FUNCTION random_string(int) RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;";
        const string Immutable = "CREATE FUNCTION today_range() RETURNS daterange LANGUAGE sql IMMUTABLE AS $$ SELECT daterange(NULL, NULL) $$;";

        Found(Folder(Volatile, "ALTER TABLE emails ADD COLUMN token text NOT NULL DEFAULT random_string(26);")).ShouldContain("2:volatile-default");
        Found(Folder(Immutable, "ALTER TABLE members ADD COLUMN span daterange NOT NULL DEFAULT today_range();")).ShouldNotContain("2:volatile-default");
        Found(Folder(Volatile, "ALTER TABLE emails ADD COLUMN token text NOT NULL DEFAULT 'x';")).ShouldNotContain("2:volatile-default");
    }

    [Fact]
    public void A_type_change_that_needs_no_rewrite_for_the_declared_type_is_not_flagged()
    {
        const string Create = "CREATE TABLE users (id varchar(26) PRIMARY KEY, name varchar(40), total numeric(10,2));";

        Found(Folder(Create, "ALTER TABLE users ALTER COLUMN id TYPE varchar, ALTER COLUMN name TYPE text, ALTER COLUMN total TYPE numeric(12,2);"))
            .ShouldNotContain("2:alter-column-type");
        Found(Folder(Create, "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);")).ShouldContain("2:alter-column-type");
        Found(Folder(Create, "ALTER TABLE users ALTER COLUMN id TYPE bigint USING id::bigint;")).ShouldContain("2:alter-column-type");
        Found(Folder("ALTER TABLE users ALTER COLUMN id TYPE varchar;")).ShouldContain("1:alter-column-type", "an undeclared type may need a rewrite");
    }

    [Fact]
    public void Set_not_null_after_a_validated_not_null_check_is_not_a_scan()
    {
        Found(Folder("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;", "ALTER TABLE users VALIDATE CONSTRAINT email_nn;",
            "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")).ShouldNotContain("3:set-not-null");
        Found(Folder("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
            .ShouldContain("2:set-not-null", "a constraint not yet validated proves nothing");
    }

    [Fact]
    public void Objects_created_in_the_release_are_new_when_the_release_is_known()
    {
        var folder = Folder("CREATE TABLE users (id bigint);", "CREATE TABLE events (id bigint, at timestamptz);", "CREATE INDEX events_at ON events (at);");
        var release = new[] { folder[1].SourcePath, folder[2].SourcePath }.ToHashSet();

        Found(folder).ShouldContain("3:create-index-non-concurrently", "without a release each migration is its own");
        Found(folder, new LintSelection { Release = release, Report = release }).ShouldNotContain("3:create-index-non-concurrently");
        Found(Folder("CREATE TABLE users (id bigint);", "CREATE INDEX users_id ON users (id);"), new LintSelection { Release = release })
            .ShouldContain("2:create-index-non-concurrently", "users was created by the previous release");
    }

    [Fact]
    public void A_column_new_in_the_release_can_be_renamed_or_dropped_but_not_made_required_without_a_default()
    {
        Found(Folder("ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO handle;\nALTER TABLE users DROP COLUMN handle;")).ShouldBeEmpty();
        Found(Folder("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';\nALTER TABLE users ALTER COLUMN plan DROP DEFAULT;"))
            .ShouldContain("1:new-required-column");
        Found(Folder("ALTER TABLE users ADD COLUMN plan text;", "ALTER TABLE users ALTER COLUMN plan SET NOT NULL;"))
            .ShouldNotContain("2:new-required-column", "without a known release, the column was added by a release that shipped");
    }
}
