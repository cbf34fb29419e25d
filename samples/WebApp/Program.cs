using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Errors;
using Strata.Hosting;
using WebApp;

// The sample: migrate on start-up, then serve GET /todos and GET /health.
//   DATABASE_URL      postgres://user:password@host:5432/db (default: sqlite app.db next to the app)
//   ASPNETCORE_URLS / --urls / ASPNETCORE_HTTP_PORTS   where to listen, the ASP.NET Core way (e.g. http://127.0.0.1:5081)
//   PORT              without those: the port on 127.0.0.1 (default 5080)
//   MIGRATIONS_PATH   the folder of SQL migrations (default: migrations/ next to the app)
//   Strata__UnavailablePolicy=WarnAndContinue   start with a warning when the database is down
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    ListenAddress.Apply(builder);

    var database = SampleDatabase.FromConfiguration(builder.Configuration);
    builder.Services.AddSingleton(database);
    builder.Services.AddStrata(builder.Configuration.GetSection("Strata"), strata => strata
        .UseDatabase(database.Target, SampleDatabase.Dialects)
        .AddFolder(builder.Configuration["MIGRATIONS_PATH"] ?? "migrations")
        .AddCode(new SeedTodos()));
    builder.Services.AddHealthChecks().AddStrata();

    var app = builder.Build();
    app.MapTodos();
    app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
    await app.RunAsync();
    return 0;
}
catch (StrataException e)
{
    // The details are logged above; this last line is what an operator reads first.
    await Console.Error.WriteLineAsync($"webapp: not started: {e.Message}{(e.Hint is null ? "" : " (" + e.Hint + ")")}");
    return 1;
}
