using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Strata.Studio.Tests;

/// <summary>
/// The checks of issue 20 item 5 at the HTTP level: token exchanged for a Strict HttpOnly cookie, Host allowlist (DNS
/// rebinding), Origin and JSON on state-changing requests, no CORS, loopback only, embedded assets.
/// </summary>
public sealed class SecurityTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteStudio _sqlite = new();
    private StudioClient _client = null!;

    public async Task InitializeAsync()
    {
        await _sqlite.ExecuteAsync("create table t (id integer primary key, name text)");
        _client = await StudioClient.StartAsync(_sqlite.Options());
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task The_launch_token_becomes_an_HttpOnly_SameSite_Strict_cookie_for_this_port()
    {
        using var response = await _client.Http.GetAsync(_client.Server.LaunchUrl);
        var cookie = response.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem();
        cookie.ShouldStartWith($"strata-studio-{_client.Server.Address.Port}=");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        (await response.Content.ReadAsStringAsync()).ShouldContain("http-equiv=\"refresh\"");
        _client.Server.LaunchUrl.Query.ShouldStartWith("?token=");
        _client.Server.LaunchUrl.Query.Length.ShouldBeGreaterThan(40);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/tables")]
    [InlineData("/assets/app.js")]
    public async Task Without_the_cookie_nothing_is_served(string path)
    {
        using var response = await _client.GetAsync(path, cookie: "");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("open the address");
        using var forged = await _client.GetAsync(path, cookie: _client.Cookie[..(_client.Cookie.IndexOf('=') + 1)] + "forged");
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_sets_no_cookie()
    {
        using var response = await _client.Http.GetAsync("/?token=" + new string('A', 43));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:{port}")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("127.0.0.1:1")]
    public async Task A_foreign_Host_is_refused_even_with_the_cookie(string host)
    {
        // DNS rebinding: the attacker's name resolves to 127.0.0.1, so the browser sends its own Host (and the cookie would not even be sent).
        using var response = await _client.GetAsync("/api/tables", host.Replace("{port}", _client.Server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Host");
    }

    [Fact]
    public async Task Localhost_on_the_studio_port_is_an_allowed_Host()
    {
        using var response = await _client.GetAsync("/api/tables", $"localhost:{_client.Server.Address.Port}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://attacker.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task A_post_without_the_studio_own_Origin_is_refused(string? origin)
    {
        using var response = await _client.PostAsync("/api/sql", """{"sql":"select 1"}""", origin);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Origin");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task A_post_body_that_is_not_JSON_is_refused(string contentType)
    {
        // The content types a cross-site form or a simple fetch may send without a preflight.
        using var response = await _client.PostAsync("/api/sql", """{"sql":"select 1"}""", contentType: contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task No_response_carries_a_CORS_header()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/sql");
        preflight.Headers.Add("Origin", "http://attacker.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        preflight.Headers.Add("Cookie", _client.Cookie);
        using var answer = await _client.Http.SendAsync(preflight);
        using var get = await _client.GetAsync("/api/tables");
        using var post = await _client.PostAsync("/api/sql", """{"sql":"select 1"}""");
        foreach (var response in new[] { answer, get, post })
        {
            response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        }

        answer.IsSuccessStatusCode.ShouldBeFalse();
        post.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_from_the_executable_with_a_self_only_policy()
    {
        using var page = await _client.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("/assets/app.js");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
        var policy = page.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldContain("connect-src 'self'");
        foreach (var asset in new[] { "/assets/app.js", "/assets/app.css" })
        {
            using var response = await _client.GetAsync(asset);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            text.Length.ShouldBeGreaterThan(500);
            text.ShouldNotContain("https://");
        }
    }

    [Fact]
    public async Task The_studio_listens_on_127_0_0_1_only()
    {
        var port = _client.Server.Address.Port;
        _client.Server.ListeningAddresses.ShouldBe([$"http://127.0.0.1:{port}"]);
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .Append(IPAddress.IPv6Loopback).ToList();
        foreach (var address in others)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var refused = false;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                refused = true;
            }

            refused.ShouldBeTrue($"something accepted a connection on {address}:{port}");
        }
    }

    [Fact]
    public async Task Asked_for_IPv6_the_studio_also_serves_the_IPv6_loopback_on_the_same_port_and_its_Host()
    {
        await using var studio = await StudioServer.StartAsync(_sqlite.Options() with { IPv6 = true });
        var port = studio.Address.Port;
        studio.ListeningAddresses.Order().ShouldBe([$"http://127.0.0.1:{port}", $"http://[::1]:{port}"]);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false });
        using var signIn = await http.GetAsync($"http://[::1]:{port}/?token=" + studio.LaunchUrl.Query.Split('=')[1]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://[::1]:{port}/api/tables");
        request.Headers.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        using var tables = await http.SendAsync(request);
        tables.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_taken_port_is_a_bad_input_error_naming_the_port()
    {
        var port = _client.Server.Address.Port;
        var error = await Should.ThrowAsync<Errors.StrataException>(() => StudioServer.StartAsync(_sqlite.Options() with { Port = port }));
        error.Category.ShouldBe(Errors.ErrorCategory.BadInput);
        error.Message.ShouldContain($"127.0.0.1:{port}");
        error.Hint!.ShouldContain("--port");
    }
}
