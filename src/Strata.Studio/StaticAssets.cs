using Microsoft.AspNetCore.Http;

namespace Strata.Studio;

/// <summary>The page's files, embedded in the assembly: the studio works offline and fetches nothing from anywhere else.</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["table.js"] = "text/javascript; charset=utf-8",
        ["schema.js"] = "text/javascript; charset=utf-8",
        ["edit.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    public static async Task ServeAsync(HttpContext context, string name)
    {
        var stream = Types.TryGetValue(name, out var type) ? typeof(StaticAssets).Assembly.GetManifestResourceStream("Strata.Studio.Assets." + name) : null;
        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            context.Response.ContentType = type;
            context.Response.ContentLength = stream.Length;
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
