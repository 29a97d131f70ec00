namespace Pipeline.Storage;

/// <summary>Runs the schema set-up once per store instance; a failed attempt is tried again on next use.</summary>
internal sealed class InitializeOnce(Func<CancellationToken, Task> initialize)
{
    private readonly Lock _lock = new();
    private Task? _initialization;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
                _initialization = initialize(cancellationToken);
            return _initialization;
        }
    }
}
