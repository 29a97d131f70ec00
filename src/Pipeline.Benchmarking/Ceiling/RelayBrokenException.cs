namespace Pipeline.Benchmarking.Ceiling;

/// <summary>The broker closed the relay's connection or one of its channels mid-run.</summary>
public sealed class RelayBrokenException(string message) : Exception(message);
