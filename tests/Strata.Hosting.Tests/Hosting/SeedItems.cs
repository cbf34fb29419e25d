using Strata.Code;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>Version 2, a C# migration meant to sit between SQL files 001 (creates items) and 003 (tags every item).</summary>
public sealed class SeedItems() : CodeMigration(2, "seed_items")
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) =>
        context.ExecuteAsync("INSERT INTO items (id, name) VALUES (1, 'first'), (2, 'second')", cancellationToken);

    public override Task DownAsync(MigrationContext context, CancellationToken cancellationToken) =>
        context.ExecuteAsync("DELETE FROM items WHERE id IN (1, 2)", cancellationToken);
}
