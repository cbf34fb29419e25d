using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Configuration;
using Strata.Errors;

namespace Strata.Studio;

/// <summary>
/// The studio's web server, in the caller's process: listens on 127.0.0.1 only, serves the embedded page and its API for
/// one database, and admits only a browser that opened <see cref="LaunchUrl"/> (the token of this launch).
/// </summary>
public sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IStudioDatabase _database;

    private StudioServer(WebApplication app, IStudioDatabase database, Uri address, string token)
    {
        _app = app;
        _database = database;
        Address = address;
        LaunchUrl = new Uri(address, "/?token=" + token);
    }

    /// <summary>Where the studio listens, e.g. <c>http://127.0.0.1:51234/</c> (no token: this address alone admits nobody).</summary>
    public Uri Address { get; }

    /// <summary>The address to open: <see cref="Address"/> with this launch's token, which the page exchanges for a cookie.</summary>
    public Uri LaunchUrl { get; }

    /// <summary>Starts the studio on 127.0.0.1 and returns once it accepts connections.</summary>
    /// <param name="options">The database, the mode and the port.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    /// <exception cref="StrataException">The port is taken (bad input: pick another, or 0 for a free one).</exception>
    public static async Task<StudioServer> StartAsync(StudioOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redactor = new Redactor();
        redactor.Add(options.Database.Password);
        IStudioDatabase database = options.Database.Dialect == Dialect.Sqlite
            ? new SqliteBrowser(options.Database.ConnectionString)
            : new PostgresBrowser(options.Database.ConnectionString);
        await CheckAsync(database, options.Database, redactor, cancellationToken);
        // Both loopbacks on one port: with port 0, a free one is picked first (127.0.0.1 and [::1] would get different ones).
        var port = options.IPv6 && options.Port == 0 ? FreePort() : options.Port;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Strata.Studio", EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        // Nothing from the working directory's appsettings.json or the environment (ASPNETCORE_URLS, Kestrel endpoints)
        // may add an address: the one listener is the loopback one below.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
            if (options.IPv6)
            {
                kestrel.Listen(IPAddress.IPv6Loopback, port);
            }
        });
        var app = builder.Build();
        var token = StudioSecurity.NewToken();
        var security = new StudioSecurity(token);
        app.Use(security.InvokeAsync);
        app.UseRouting();
        new StudioEndpoints(options, database, redactor).Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await database.DisposeAsync();
            await app.DisposeAsync();
            throw new StrataException(ErrorCategory.BadInput, $"the studio cannot listen on 127.0.0.1{(options.IPv6 ? " and [::1]" : "")}:{port}: {e.Message}", "pick another --port, or leave it out for a free one", e);
        }

        port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        security.Bind(port, options.IPv6);
        return new StudioServer(app, database, new Uri($"http://127.0.0.1:{port}/"), token);
    }

    /// <summary>The addresses the server listens on (for tests and diagnostics): only 127.0.0.1.</summary>
    public IReadOnlyList<string> ListeningAddresses =>
        _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();

    /// <summary>Completes when the server stops (after <see cref="StopAsync"/>, or on cancellation).</summary>
    /// <param name="cancellationToken">Stops the server (e.g. Ctrl+C).</param>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
        }
    }

    /// <summary>Stops accepting requests and closes the database connections.</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _database.DisposeAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task CheckAsync(IStudioDatabase database, DatabaseTarget target, Redactor redactor, CancellationToken ct)
    {
        try
        {
            await database.CheckAsync(ct);
        }
        catch (System.Data.Common.DbException e)
        {
            await database.DisposeAsync();
            throw new DatabaseUnavailableException(
                $"the studio cannot open {target.DisplayName}: {redactor.Redact(e.Message)}",
                target.Dialect == Dialect.Sqlite ? "check the path (the studio never creates a database; run strata migrate first)" : "check that the server runs and the connection settings are right",
                e);
        }
    }
}
