using System.CommandLine;
using Strata.Cli.Infrastructure;

namespace Strata.Cli.Commands;

/// <summary><c>strata test-db create|drop|clean</c>: test databases cloned from a template of the migrations.</summary>
internal static class TestDbCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context) =>
        new("test-db",
            "Test databases on the configured PostgreSQL server, cloned in milliseconds from a template that holds every migration. "
            + "The template (strata_tpl_<hash>) is migrated once per migration set: a changed, added or removed migration makes a new one. "
            + "In test code, the Strata.Testing package does the same per test (docs/testing.md).")
        {
            TestDbCreateCommand.Create(context),
            TestDbDropCommand.Create(context),
            TestDbCleanCommand.Create(context),
        };
}
