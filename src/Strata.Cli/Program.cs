using Strata.Cli;
using Strata.Cli.Infrastructure;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels the running migration (its transaction rolls back); a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

return await StrataApp.RunAsync(args, CliHost.FromProcess(), cancel.Token);
