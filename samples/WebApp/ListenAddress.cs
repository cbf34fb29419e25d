using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WebApp;

/// <summary>
/// Where the sample listens. The ASP.NET Core settings win (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>urls</c> in
/// appsettings, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTP_PORTS</c>), so replicas started the usual way get their own
/// addresses; only without them does <c>PORT</c> (default 5080) pick a port on 127.0.0.1.
/// </summary>
internal static class ListenAddress
{
    public const int DefaultPort = 5080;

    public static void Apply(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(configuration["urls"]) || !string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            return;
        }

        var text = configuration["PORT"];
        if (text is not null && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 65535))
        {
            throw new InvalidOperationException($"PORT must be a port number from 1 to 65535 (got '{text}'); or set ASPNETCORE_URLS, e.g. http://127.0.0.1:5081");
        }

        var port = text is null ? DefaultPort : int.Parse(text, CultureInfo.InvariantCulture);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }
}
