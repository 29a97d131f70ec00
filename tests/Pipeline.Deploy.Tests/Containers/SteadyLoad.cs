using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>One article dropped by <see cref="SteadyLoad"/>: its document id and when it went into the inbox.</summary>
internal readonly record struct DroppedArticle(Guid Id, DateTimeOffset DroppedAt);

/// <summary>
/// A producer dropping articles into the inbox at a steady rate in the background, until stopped: the load
/// under which workers are replaced. The pace is a rate, not synchronisation; tests wait on what was dropped.
/// </summary>
internal sealed class SteadyLoad : IAsyncDisposable
{
    private readonly List<DroppedArticle> _dropped = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _producer = Task.CompletedTask;

    private SteadyLoad()
    {
    }

    public IReadOnlyList<DroppedArticle> Dropped
    {
        get
        {
            lock (_lock)
            {
                return [.. _dropped];
            }
        }
    }

    public static SteadyLoad Start(string inbox, double perSecond)
    {
        var load = new SteadyLoad();
        load._producer = Task.Run(() => load.ProduceAsync(inbox, perSecond));
        return load;
    }

    /// <summary>Waits until at least <paramref name="count"/> articles are dropped; returns the count at that moment.</summary>
    public async Task<int> WaitForDroppedAsync(int count)
    {
        await Eventually.WaitUntilAsync(
            () => _producer.IsFaulted ? throw new InvalidOperationException("The producer failed.", _producer.Exception) : Dropped.Count >= count,
            TimeSpan.FromMinutes(5),
            $"{count} articles to be dropped",
            TimeSpan.FromMilliseconds(100));
        return Dropped.Count;
    }

    /// <summary>Stops producing and returns everything dropped, in drop order.</summary>
    public async Task<IReadOnlyList<DroppedArticle>> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _producer;
        }
        catch (OperationCanceledException)
        {
            // The producer stops by cancellation; everything it dropped before that is recorded.
        }

        return Dropped;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task ProduceAsync(string inbox, double perSecond)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var n = 1; ; n++)
        {
            var due = TimeSpan.FromSeconds(n / perSecond) - TimeProvider.System.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, _stop.Token);
            }

            _stop.Token.ThrowIfCancellationRequested();
            var droppedAt = DateTimeOffset.UtcNow;
            var id = (await SampleArticles.DropAsync(inbox, "load" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), 1))[0];
            lock (_lock)
            {
                _dropped.Add(new DroppedArticle(id, droppedAt));
            }
        }
    }
}
