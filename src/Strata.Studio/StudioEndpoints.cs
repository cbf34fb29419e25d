using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Strata.Configuration;
using Strata.Errors;

namespace Strata.Studio;

/// <summary>The page and its API. Handlers are plain request delegates (no reflection), bodies source-generated JSON.</summary>
internal sealed class StudioEndpoints(StudioOptions options, IStudioDatabase database, Redactor redactor)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (RequestDelegate)(context => StaticAssets.ServeAsync(context, "index.html")));
        app.MapGet("/assets/{name}", (RequestDelegate)(context => StaticAssets.ServeAsync(context, (string)context.Request.RouteValues["name"]!)));
        app.MapGet("/api/info", (RequestDelegate)InfoAsync);
        app.MapGet("/api/tables", (RequestDelegate)TablesAsync);
        app.MapPost("/api/rows", (RequestDelegate)RowsAsync);
        app.MapPost("/api/sql", (RequestDelegate)SqlAsync);
        app.MapGet("/api/export", (RequestDelegate)ExportAsync);
        app.MapPost("/api/edit", (RequestDelegate)EditAsync);
        app.MapGet("/api/cell", (RequestDelegate)CellAsync);
        app.MapGet("/api/schema", (RequestDelegate)(context => Guarded(context, async ct =>
        {
            var tables = await database.SchemaAsync(ct);
            return new SchemaJson(tables, SchemaDiagram.Mermaid(tables));
        }, StudioJson.Default.SchemaJson)));
        app.MapGet("/api/diagram.svg", (RequestDelegate)(context => DiagramAsync(context, "image/svg+xml; charset=utf-8", SchemaDiagram.Svg)));
        app.MapGet("/api/diagram.mmd", (RequestDelegate)(context => DiagramAsync(context, "text/plain; charset=utf-8", SchemaDiagram.Mermaid)));
        app.MapGet("/api/migrations", (RequestDelegate)MigrationsAsync);
    }

    private Task InfoAsync(HttpContext context)
    {
        var info = new InfoJson(options.Database.DisplayName, options.Database.Dialect.ToName(), options.Write, options.Migrations is not null);
        return Guarded(context, _ => Task.FromResult(info), StudioJson.Default.InfoJson);
    }

    private Task TablesAsync(HttpContext context) =>
        Guarded(context, async ct => new TablesJson(await database.TablesAsync(ct)), StudioJson.Default.TablesJson);

    private Task MigrationsAsync(HttpContext context) => Guarded(context, ReadMigrationsAsync, StudioJson.Default.MigrationsJson);

    private Task<MigrationsJson> ReadMigrationsAsync(CancellationToken ct) =>
        options.Migrations is { } migrations
            ? MigrationsView.ReadAsync(migrations, options.Lint, database.LockAsync(options.History, ct), ct)
            : throw new StudioRequestException("this studio was started without a migrations folder", 404);

    private Task RowsAsync(HttpContext context) => Guarded(context, async ct =>
    {
        var request = await ReadAsync(context, StudioJson.Default.RowsRequest, ct);
        if (string.IsNullOrEmpty(request.Table))
        {
            throw new StudioRequestException("name a table");
        }

        var grid = await database.RowsAsync(request, options.PageSize, ct);
        await GridWriter.WriteAsync(context.Response.Body, grid, ct);
    });

    /// <summary>
    /// The table view (filters and sort as the page has them, in <c>?view=</c> as JSON) as a CSV or JSON download,
    /// streamed from the database to the browser. A GET, so the browser downloads it as a file; it changes nothing.
    /// </summary>
    private Task ExportAsync(HttpContext context) => Guarded(context, async ct =>
    {
        var (extension, mediaType) = ExportWriter.Format(context.Request.Query["format"]);
        var request = Parse(context.Request.Query["view"], StudioJson.Default.RowsRequest);
        context.Response.ContentType = mediaType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(request.Table)}.{extension}\"";
        await database.ExportAsync(request, extension, context.Response.Body, ct);
    });

    /// <summary>One whole value: bytes as a download (<c>application/octet-stream</c>), anything else as UTF-8 text.</summary>
    private Task CellAsync(HttpContext context) => Guarded(context, async ct =>
    {
        var query = context.Request.Query;
        var request = new CellRequest(query["schema"].ToString() is { Length: > 0 } s ? s : "public", query["table"].ToString(), query["column"].ToString(), Parse(query["key"], StudioJson.Default.IReadOnlyListString));
        var found = await database.CellAsync(request, async (column, stream) =>
        {
            var binary = column.Class == ValueClass.Binary;
            context.Response.ContentType = binary ? "application/octet-stream" : "text/plain; charset=utf-8";
            if (binary)
            {
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(request.Table)}-{FileName(request.Column)}.bin\"";
            }

            await stream.CopyToAsync(context.Response.Body, ct);
        }, ct);
        if (!found)
        {
            throw new StudioRequestException("that row is gone (changed or deleted since the page was read): reload the page", 404);
        }
    });

    /// <summary>The diagram as SVG or Mermaid text; <c>?download</c> makes it a file (schema.svg, schema.mmd).</summary>
    private Task DiagramAsync(HttpContext context, string mediaType, Func<IReadOnlyList<TableSchemaJson>, string> draw) => Guarded(context, async ct =>
    {
        var text = draw(await database.SchemaAsync(ct));
        context.Response.ContentType = mediaType;
        if (context.Request.Query.ContainsKey("download"))
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"schema" + (mediaType.StartsWith("image", StringComparison.Ordinal) ? ".svg" : ".mmd") + "\"";
        }

        await context.Response.WriteAsync(text, ct);
    });

    private static T Parse<T>(string? json, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json ?? "", type) ?? throw new StudioRequestException("missing request parameter");
        }
        catch (JsonException e)
        {
            throw new StudioRequestException("the request parameter is not the JSON expected: " + e.Message);
        }
    }

    private static string FileName(string name) => new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    /// <summary>
    /// A row change: the preview (the statement and its parameters) always; applying it only in write mode. Without
    /// --write the request is refused here, and the statement would run in a read-only transaction anyway.
    /// </summary>
    private Task EditAsync(HttpContext context) => Guarded(context, async ct =>
    {
        var request = await ReadAsync(context, StudioJson.Default.EditRequest, ct);
        if (request.Apply && !options.Write)
        {
            throw new StudioRequestException("the studio is read-only: start it with strata studio --write to change rows", 403);
        }

        return await database.EditAsync(request, request.Apply, options.Write, ct);
    }, StudioJson.Default.EditJson);

    private Task SqlAsync(HttpContext context) => Guarded(context, async ct =>
    {
        var request = await ReadAsync(context, StudioJson.Default.SqlRequest, ct);
        if (string.IsNullOrWhiteSpace(request.Sql))
        {
            throw new StudioRequestException("type a statement to run");
        }

        var grid = await database.QueryAsync(request.Sql, options.Write, options.MaxQueryRows, ct);
        await GridWriter.WriteAsync(context.Response.Body, grid, ct);
    });

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, type, ct) ?? throw new StudioRequestException("empty request body");
        }
        catch (JsonException e)
        {
            throw new StudioRequestException("the request body is not the JSON expected: " + e.Message);
        }
    }

    private Task Guarded<T>(HttpContext context, Func<CancellationToken, Task<T>> handler, JsonTypeInfo<T> type) => Guarded(context, async ct =>
    {
        var value = await handler(ct);
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, ct);
    });

    /// <summary>Runs a handler; what a user can cause (a bad statement, a dropped table) comes back as a JSON error, passwords removed.</summary>
    private async Task Guarded(HttpContext context, Func<CancellationToken, Task> handler)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var (status, error) = (StatusCodes.Status200OK, (ErrorJson?)null);
        try
        {
            await handler(context.RequestAborted);
            return;
        }
        catch (StudioRequestException e)
        {
            (status, error) = (e.Status, new ErrorJson(e.Message));
        }
        catch (PostgresException e)
        {
            var hint = e.SqlState == PostgresErrorCodes.SyntaxError && e.MessageText.Contains("multiple commands", StringComparison.Ordinal)
                ? " (the console runs one statement at a time)"
                : e.Detail is { } detail ? " (" + detail + ")" : "";
            (status, error) = (StatusCodes.Status400BadRequest, new ErrorJson(e.MessageText + hint, e.SqlState));
        }
        catch (DbException e)
        {
            (status, error) = (StatusCodes.Status400BadRequest, new ErrorJson(e.Message, e.SqlState));
        }
        catch (StrataException e)
        {
            (status, error) = (StatusCodes.Status400BadRequest, new ErrorJson(e.Message + (e.Hint is { } hint ? ": " + hint : "")));
        }
        catch (NotSupportedException e)
        {
            (status, error) = (StatusCodes.Status400BadRequest, new ErrorJson(e.Message));
        }

        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, error! with { Error = redactor.Redact(error.Error) }, StudioJson.Default.ErrorJson);
    }
}
