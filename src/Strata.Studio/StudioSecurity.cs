using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Strata.Studio;

/// <summary>
/// The checks every request passes before any handler runs, in this order: the Host header is the studio's own
/// (a page that re-resolves its name to 127.0.0.1, DNS rebinding, is refused); the per-launch token, given once in the
/// opening address, is exchanged for an HttpOnly SameSite=Strict cookie and every other request must carry that
/// cookie; a request that is not GET or HEAD must come from the studio's own Origin and, with a body, send JSON
/// (which a cross-site form cannot). No CORS header is ever sent.
/// </summary>
internal sealed class StudioSecurity
{
    private readonly byte[] _token;
    private HashSet<string> _hosts = [];
    private HashSet<string> _origins = [];

    public StudioSecurity(string token)
    {
        Token = token;
        _token = Encoding.ASCII.GetBytes(token);
    }

    /// <summary>The token of this launch.</summary>
    public string Token { get; }

    /// <summary>Per port: studios on other ports of the same machine keep their own cookies.</summary>
    public string CookieName { get; private set; } = "strata-studio";

    /// <summary>
    /// Sets the port once the server listens (port 0 picks one): until then no Host matches and every request is refused.
    /// </summary>
    public void Bind(int port, bool ipv6 = false)
    {
        CookieName = $"strata-studio-{port}";
        _origins = new(StringComparer.OrdinalIgnoreCase) { $"http://127.0.0.1:{port}", $"http://localhost:{port}" };
        _hosts = new(StringComparer.OrdinalIgnoreCase) { $"127.0.0.1:{port}", $"localhost:{port}" };
        if (ipv6)
        {
            _origins.Add($"http://[::1]:{port}");
            _hosts.Add($"[::1]:{port}");
        }
    }

    /// <summary>A new random token: 256 bits, URL-safe.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;
        if (!_hosts.Contains(request.Host.Value ?? ""))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "this Host is not the studio's own (only 127.0.0.1 and localhost on its port are served)");
            return;
        }

        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        if (request.Query.TryGetValue("token", out var offered) && HttpMethods.IsGet(request.Method))
        {
            await ExchangeAsync(context, offered.ToString());
            return;
        }

        if (!Matches(request.Cookies[CookieName]))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "not signed in: open the address `strata studio` printed (it carries this launch's token)");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            if (!_origins.Contains(request.Headers.Origin.ToString()))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "a change must come from the studio's own page (Origin missing or foreign)");
                return;
            }

            if (request.ContentLength is not (null or 0) || request.Headers.TransferEncoding.Count > 0)
            {
                if (!request.HasJsonContentType())
                {
                    await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "request bodies must be application/json");
                    return;
                }
            }
        }

        await next(context);
    }

    private async Task ExchangeAsync(HttpContext context, string offered)
    {
        if (!Matches(offered))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "wrong token: open the address this launch of `strata studio` printed");
            return;
        }

        context.Response.Cookies.Append(CookieName, Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        // The token leaves the address bar at once. Not by a redirect: when the address was opened from another site, a
        // redirect would still be cross-site and the browser would withhold the Strict cookie; a navigation the studio's
        // own page starts is same-site.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync("<!doctype html><meta http-equiv=\"refresh\" content=\"0;url=/\"><title>strata studio</title><a href=\"/\">Open the studio</a>\n");
    }

    private bool Matches(string? offered) =>
        offered is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(offered), _token);

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("strata studio: " + message + "\n");
    }
}
