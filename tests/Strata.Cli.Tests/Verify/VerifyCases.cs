namespace Strata.Cli.Tests.Verify;

/// <summary>Migration sets for <c>strata verify</c>, in SQL both engines accept.</summary>
internal static class VerifyCases
{
    public const string Users = "CREATE TABLE users (id integer PRIMARY KEY, email text);\n-- strata:down\nDROP TABLE users;\n";

    public const string Index = "CREATE INDEX users_email ON users (email);\n-- strata:down\nDROP INDEX users_email;\n";

    /// <summary>A down that forgets one of the two tables its up creates.</summary>
    public const string WrongDown = "CREATE TABLE tags (id integer);\nCREATE TABLE notes (id integer, body text);\n-- strata:down\nDROP TABLE tags;\n";

    public const string ForwardOnly = "CREATE TABLE audit (id integer);\n";

    public const string Repeatable = "DROP VIEW IF EXISTS user_emails;\nCREATE VIEW user_emails AS SELECT email FROM users;\n";

    public static Workspace Correct(Workspace workspace) => workspace
        .Write("001_users.sql", Users)
        .Write("002_index.sql", Index)
        .Write("003_audit.sql", ForwardOnly)
        .Write("R__user_emails.sql", Repeatable);
}
