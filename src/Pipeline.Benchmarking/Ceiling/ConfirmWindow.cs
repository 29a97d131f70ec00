namespace Pipeline.Benchmarking.Ceiling;

/// <summary>
/// Publishes awaiting confirms in windows of a fixed size, as a publisher with confirms does to keep the link busy:
/// up to <c>size</c> publishes in flight, then wait for all of them. Both relays publish their first hop this way.
/// </summary>
internal sealed class ConfirmWindow(int size)
{
    private readonly List<Task> _inFlight = new(size);

    /// <summary>Adds a publish; when the window is full, waits for every publish in it.</summary>
    public Task AddAsync(Task publish)
    {
        _inFlight.Add(publish);
        return _inFlight.Count < size ? Task.CompletedTask : FlushAsync();
    }

    /// <summary>Waits for every publish still in the window.</summary>
    public async Task FlushAsync()
    {
        await Task.WhenAll(_inFlight);
        _inFlight.Clear();
    }
}
