using System.Net;
using System.Text;
using System.Text.Json;

namespace Strata.Studio.Tests;

/// <summary>
/// A studio started for one test and an HTTP client that sends exactly the headers a test sets (no cookie jar, no
/// redirects followed), signed in through the launch address unless a test asks otherwise.
/// </summary>
public sealed class StudioClient : IAsyncDisposable
{
    private StudioClient(StudioServer server)
    {
        Server = server;
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = server.Address };
    }

    public StudioServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>The session cookie as a Cookie header value (name=value), after sign-in.</summary>
    public string Cookie { get; private set; } = "";

    /// <summary>The studio's own Origin, as its page sends it.</summary>
    public string Origin => Server.Address.GetLeftPart(UriPartial.Authority);

    public static async Task<StudioClient> StartAsync(StudioOptions options)
    {
        var client = new StudioClient(await StudioServer.StartAsync(options));
        using var response = await client.Http.GetAsync(client.Server.LaunchUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var setCookie = response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem();
        client.Cookie = setCookie.Split(';')[0];
        return client;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? host = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if ((cookie ?? Cookie).Length > 0)
        {
            request.Headers.Add("Cookie", cookie ?? Cookie);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string? origin = "", string contentType = "application/json", string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("Cookie", cookie ?? Cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin.Length == 0 ? Origin : origin);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Runs a console statement as the page does; returns the status and the JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SqlAsync(string sql)
    {
        using var response = await PostAsync("/api/sql", JsonSerializer.Serialize(new Dictionary<string, string> { ["sql"] = sql }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>One page of a table as the page asks for it.</summary>
    public async Task<JsonElement> RowsAsync(string table, string? schema = null, IReadOnlyList<string?>? after = null, long? offset = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["schema"] = schema, ["table"] = table, ["after"] = after, ["offset"] = offset });
        using var response = await PostAsync("/api/rows", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A page of a table view with sort and filters, as the page asks for it (the body as an anonymous object).</summary>
    public async Task<JsonElement> ViewAsync(object view)
    {
        using var response = await PostAsync("/api/rows", JsonSerializer.Serialize(view));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A GET's status, content type, Content-Disposition and body.</summary>
    public async Task<(HttpStatusCode Status, string? Type, string? Disposition, byte[] Body)> DownloadAsync(string path)
    {
        using var response = await GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
