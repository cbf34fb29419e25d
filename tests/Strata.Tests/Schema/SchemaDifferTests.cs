using Strata.Schema;

namespace Strata.Tests.Schema;

public sealed class SchemaDifferTests
{
    private static readonly QualifiedName Users = new("public", "users");
    private static readonly QualifiedName Posts = new("public", "posts");

    [Fact]
    public void Identical_states_have_no_changes()
    {
        var state = State(Table(Users, Column("id", "int")));

        SchemaDiffer.Compare(state, state, new TextRenderer()).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Creates_go_types_first_then_tables_keys_foreign_keys_and_views_in_dependency_order()
    {
        var to = State(
            [Table(Users, Column("id", "int")), Table(Posts, Column("id", "int"), Column("user_id", "int"))],
            [
                new SchemaObject(ObjectKind.View, new QualifiedName("public", "b_view"), "select from a_view") { DependsOn = [new QualifiedName("public", "a_view")] },
                new SchemaObject(ObjectKind.View, new QualifiedName("public", "a_view"), "select from c_view") { DependsOn = [new QualifiedName("public", "c_view")] },
                new SchemaObject(ObjectKind.View, new QualifiedName("public", "c_view"), "select from users") { DependsOn = [Users] },
                new SchemaObject(ObjectKind.ForeignKey, new QualifiedName("public", "posts_user_fkey"), "FOREIGN KEY") { Table = Posts, DependsOn = [Users] },
                new SchemaObject(ObjectKind.PrimaryKey, new QualifiedName("public", "users_pkey"), "PRIMARY KEY (id)") { Table = Users },
                new SchemaObject(ObjectKind.Enum, new QualifiedName("public", "mood"), "'a'"),
            ]);

        var statements = SchemaDiffer.Compare(DatabaseSchema.Empty, to, new TextRenderer()).Statements;

        statements.ShouldBe([
            "create enum type public.mood",
            "create table public.posts",
            "create table public.users",
            "create primary key public.users_pkey on public.users",
            "create foreign key public.posts_user_fkey on public.posts",
            "create view public.c_view",
            "create view public.a_view",
            "create view public.b_view",
        ]);
    }

    [Fact]
    public void Drops_go_dependants_first_and_are_classified_destructive()
    {
        var from = State(
            [Table(Users, Column("id", "int"), Column("email", "text"), Column("age", "bigint"))],
            [
                new SchemaObject(ObjectKind.Check, new QualifiedName("public", "age_check"), "CHECK (age > 0)") { Table = Users },
                new SchemaObject(ObjectKind.View, new QualifiedName("public", "adults"), "select from users") { DependsOn = [Users] },
            ]);
        var to = State(Table(Users, Column("id", "bigint"), Column("age", "int")));

        var diff = SchemaDiffer.Compare(from, to, new TextRenderer());

        diff.Statements.ShouldBe(["drop view public.adults", "drop check constraint public.age_check on public.users", "drop public.users.email", "alter public.users.age int", "alter public.users.id bigint"]);
        diff.DestructiveChanges.Select(c => c.Summary).ShouldBe([
            "drop check constraint public.age_check on public.users",
            "drop column public.users.email",
            "alter column public.users.age",
        ]);
        diff.Changes.Single(c => c.Summary == "alter column public.users.id").IsDestructive.ShouldBeFalse();
    }

    [Fact]
    public void A_view_on_a_changed_table_is_recreated_around_the_change()
    {
        var view = new SchemaObject(ObjectKind.View, new QualifiedName("public", "v"), "select") { DependsOn = [Users] };
        var from = State([Table(Users, Column("id", "int"))], [view]);
        var to = State([Table(Users, Column("id", "bigint"))], [view]);

        SchemaDiffer.Compare(from, to, new TextRenderer()).Statements.ShouldBe(["drop view public.v", "alter public.users.id bigint", "create view public.v"]);
    }

    [Fact]
    public void Rename_hints_rename_instead_of_drop_and_create_and_the_reverse_renames_back()
    {
        var from = State(Table(Users, Column("id", "int"), Column("email", "text")));
        var to = State(Table(new QualifiedName("public", "people"), Column("id", "int"), Column("mail", "text")));
        var hints = RenameHints.Parse("-- strata:rename table public.users -> people\n-- strata:rename column people.email -> mail\nCREATE TABLE people ();", "schema.sql");

        var plan = SchemaDiffer.Plan(from, to, new TextRenderer(), hints);

        plan.Up.Statements.ShouldBe(["rename public.users people", "rename public.people.email mail"]);
        plan.Down.Statements.ShouldBe(["rename public.people users", "rename public.users.mail email"]);
        plan.Up.DestructiveChanges.ShouldBeEmpty();
    }

    [Fact]
    public void A_malformed_rename_hint_names_file_and_line()
    {
        var error = Should.Throw<FormatException>(() => RenameHints.Parse("CREATE TABLE t ();\n-- strata:rename users to people", "db/schema.sql"));

        error.Message.ShouldStartWith("db/schema.sql:2: malformed rename hint");
    }

    [Fact]
    public void A_dialect_that_rebuilds_tables_wraps_the_script_and_recreates_the_tables_indexes()
    {
        var index = new SchemaObject(ObjectKind.Index, new QualifiedName(null, "users_email"), "CREATE INDEX") { Table = new QualifiedName(null, "users") };
        var from = State([Table(new QualifiedName(null, "users"), Column("email", "text"))], [index]);
        var to = State([Table(new QualifiedName(null, "users"), Column("email", "int"))], [index]);

        var diff = SchemaDiffer.Compare(from, to, new TextRenderer(inline: true));

        diff.RunsOutsideTransaction.ShouldBeTrue();
        diff.Statements.ShouldBe(["off", "drop index users_email on users", "rebuild users", "create index users_email on users", "on"]);
        diff.ToScript().ShouldStartWith("-- strata:no-transaction\n");
    }

    [Theory]
    [InlineData("user*", "public.users", true)]
    [InlineData("*s", "public.users", true)]
    [InlineData("public.u*", "public.users", true)]
    [InlineData("u*", "app.posts", false)]
    [InlineData("posts", "public.posts_archive", false)]
    public void Table_filters_match_names_with_stars(string pattern, string table, bool expected)
    {
        var parts = table.Split('.');
        new SchemaFilter { Tables = [pattern] }.IncludesTable(new QualifiedName(parts[0], parts[1])).ShouldBe(expected);
    }

    private static ColumnDefinition Column(string name, string type) => new(name, type, false);

    private static TableDefinition Table(QualifiedName name, params ColumnDefinition[] columns) => new(name, columns);

    private static DatabaseSchema State(params TableDefinition[] tables) => new(tables, []);

    private static DatabaseSchema State(TableDefinition[] tables, SchemaObject[] objects) => new(tables, objects);
}
