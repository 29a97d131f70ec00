namespace Pipeline.Benchmarking.Scaling;

/// <summary>One run: <see cref="Workers"/> extract workers draining the same preloaded queue.</summary>
/// <param name="PagesPerSecond">Timed pages / (last finished - first started), from the workers' own stage visits.</param>
/// <param name="Shares">Timed pages each worker extracted, largest first.</param>
/// <param name="PagesExtractedTwice">Pages whose extraction was published more than once (should be 0).</param>
public sealed record ScalingRun(int Workers, double PagesPerSecond, IReadOnlyList<int> Shares, int PagesExtractedTwice);

/// <summary>The result of `pipeline bench --scaling`.</summary>
/// <param name="SpeedupTwoOverOne">Throughput with 2 workers over throughput with 1, when both ran.</param>
public sealed record ScalingReport(int Pages, int ProcessorsPerWorker, int MachineProcessors, IReadOnlyList<ScalingRun> Runs, double? SpeedupTwoOverOne);
