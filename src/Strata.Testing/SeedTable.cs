using Npgsql;

namespace Strata.Testing;

/// <summary>A table that holds rows in the template (seed data): its row count and its rows as binary COPY data.</summary>
internal sealed record SeedTable(string Name, long Rows, byte[] Data)
{
    /// <summary>Copies the table's rows out of a pristine clone.</summary>
    public static async Task<SeedTable> ReadAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        var count = new NpgsqlCommand($"SELECT count(*) FROM {name}", connection);
        await using var countScope = count.ConfigureAwait(false);
        var rows = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        using var buffer = new MemoryStream();
        var copy = await connection.BeginRawBinaryCopyAsync($"COPY {name} TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            await copy.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        return new SeedTable(name, rows, buffer.ToArray());
    }

    /// <summary>Writes the rows back into the (just truncated) table, inside the caller's transaction.</summary>
    public async Task RestoreAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginRawBinaryCopyAsync($"COPY {Name} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using var copyScope = copy.ConfigureAwait(false);
        await copy.WriteAsync(Data, cancellationToken).ConfigureAwait(false);
    }
}
