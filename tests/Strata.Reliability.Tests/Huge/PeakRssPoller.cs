using System.Globalization;

namespace Strata.Reliability.Tests.Huge;

/// <summary>
/// Polls a process's <c>VmHWM</c> (the kernel's own resident-set high-water mark) from <c>/proc/&lt;pid&gt;/status</c>
/// on a dedicated thread, so a busy thread pool cannot delay the first read past the end of a short process: a
/// baseline run of 0.7 s once measured 0 MB that way and turned the budget "baseline + 150 MB" into 150 MB flat.
/// </summary>
internal sealed class PeakRssPoller
{
    private readonly int _pid;
    private readonly CancellationToken _stop;
    private readonly Thread _thread;
    private long _peak;

    private PeakRssPoller(int pid, CancellationToken stop)
    {
        _pid = pid;
        _stop = stop;
        _thread = new Thread(Poll) { IsBackground = true, Name = $"rss-{pid}", Priority = ThreadPriority.AboveNormal };
    }

    public static PeakRssPoller Start(int pid, CancellationToken stop)
    {
        var poller = new PeakRssPoller(pid, stop);
        poller.Read();
        poller._thread.Start();
        return poller;
    }

    /// <summary>Waits for the polling to stop (after the token is cancelled) and returns the largest value read.</summary>
    public long Wait()
    {
        _thread.Join();
        return Interlocked.Read(ref _peak);
    }

    private void Poll()
    {
        while (!_stop.IsCancellationRequested)
        {
            Read();
            _stop.WaitHandle.WaitOne(10);
        }
    }

    private void Read()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), kb * 1024));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process has exited (its /proc entry is gone or being torn down).
        }
    }
}
