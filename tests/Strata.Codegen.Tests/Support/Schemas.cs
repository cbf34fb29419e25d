using Strata.Schema;

namespace Strata.Codegen.Tests.Support;

/// <summary>Small schema states built by hand, as an introspector would report them.</summary>
internal static class Schemas
{
    public static QualifiedName Name(string schema, string name) => new(schema, name);

    /// <summary><c>orders</c> (identity, FK, enum, defaults, generated column, comment) and <c>users</c>, with enum <c>order_status</c>.</summary>
    public static DatabaseSchema Shop(string extraColumn = "") => new(
        [
            new TableDefinition(Name("public", "users"), [new ColumnDefinition("id", "uuid", true), new ColumnDefinition("email", "text", true)]),
            new TableDefinition(Name("public", "orders"),
            [
                new ColumnDefinition("id", "bigint", true) { Identity = "ALWAYS" },
                new ColumnDefinition("user_id", "uuid", true),
                new ColumnDefinition("status", "order_status", true) { Default = "'new'::order_status" },
                new ColumnDefinition("total", "numeric(12,2)", true) { Comment = "Gross <total> & tax" },
                new ColumnDefinition("meta", "jsonb", false),
                new ColumnDefinition("created_at", "timestamp with time zone", true) { Default = "now()" },
                new ColumnDefinition("doubled", "numeric", false) { Generated = "(total * 2)" },
                .. extraColumn.Length == 0 ? Array.Empty<ColumnDefinition>() : [new ColumnDefinition(extraColumn, "text", false)],
            ]) { Comment = "Orders placed by users." },
        ],
        [
            new SchemaObject(ObjectKind.Enum, Name("public", "order_status"), "'new', 'paid', 'in-transit'"),
            new SchemaObject(ObjectKind.PrimaryKey, Name("public", "orders_pkey"), "PRIMARY KEY (id)") { Table = Name("public", "orders") },
            new SchemaObject(ObjectKind.PrimaryKey, Name("public", "users_pkey"), "PRIMARY KEY (id)") { Table = Name("public", "users") },
            new SchemaObject(ObjectKind.Unique, Name("public", "users_email_key"), "UNIQUE (email)") { Table = Name("public", "users") },
            new SchemaObject(ObjectKind.ForeignKey, Name("public", "orders_user_id_fkey"), "FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE")
            {
                Table = Name("public", "orders"),
                DependsOn = [Name("public", "users")],
            },
        ]);

    /// <summary>One table whose columns are the given names, all <c>text NOT NULL</c>.</summary>
    public static DatabaseSchema Table(string schema, string table, params string[] columns) =>
        new([new TableDefinition(Name(schema, table), [.. columns.Select(c => new ColumnDefinition(c, "text", true))])], []);
}
