namespace Pipeline.Benchmarking.Scaling;

/// <summary>`pipeline bench --scaling`, bound from the <c>Bench:Scaling</c> configuration section.</summary>
public sealed class ScalingOptions
{
    public const string SectionName = "Bench:Scaling";

    /// <summary>The extract worker counts measured, one run each, on the same queue; 1, 2 and 4 when not set.</summary>
    /// <remarks>No default in the list itself: configuration binding appends to a list, it does not replace it.</remarks>
    public List<int>? Workers { get; set; }

    internal IReadOnlyList<int> EffectiveWorkers => Workers is { Count: > 0 } chosen ? chosen : [1, 2, 4];

    /// <summary>HTML pages (50-300 KB, generated) preloaded into the extract queue and timed per run.</summary>
    public int Pages { get; set; } = 1_500;

    /// <summary>The page count with <see cref="BenchOptions.Quick"/>.</summary>
    public int QuickPages { get; set; } = 60;

    /// <summary>Pages ahead of the timed ones, per worker, so just-in-time compilation is not what is measured.</summary>
    public int WarmupPagesPerWorker { get; set; } = 10;

    /// <summary>
    /// The processor count each worker sees (DOTNET_PROCESSOR_COUNT), as in a container limited to that many CPUs;
    /// the extract stage runs one message per processor. 0 leaves the machine's count.
    /// </summary>
    public int ProcessorsPerWorker { get; set; } = 1;

    /// <summary>
    /// Also pins each worker to <see cref="ProcessorsPerWorker"/> CPUs of its own (round robin, with taskset), as a
    /// container's CPU set does. Without it a "one-processor" worker still spreads its GC, JIT and client threads
    /// over every core, so one worker already used more than one core and the 2-over-1 figure understated scaling.
    /// </summary>
    public bool PinToCpus { get; set; } = true;

    /// <summary>How long one run may take before it is called stuck.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
