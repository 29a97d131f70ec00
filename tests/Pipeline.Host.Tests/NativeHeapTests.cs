using Microsoft.Extensions.Options;
using Pipeline.Host.Hosting;
using Pipeline.Testing.Processes;

namespace Pipeline.Host.Tests;

/// <summary>
/// Measures this process's resident memory, so it runs alone: another test's allocations (or an embedded pipeline's
/// own trimming service) between two readings would blur what one trim gave back. The test machines and the
/// container image are Debian: glibc is there to answer.
/// </summary>
[Collection(Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeHeapTests
{
    private const string Name = "native heap";

    [Fact]
    public void The_arena_limit_reaches_glibc_on_linux() => Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.LimitArenas(2));

    [Fact]
    public void Zero_leaves_the_c_library_alone() => Assert.False(NativeHeap.LimitArenas(0));

    [Fact]
    public void Trimming_hands_back_the_free_pages_between_chunks_still_in_use()
    {
        using var holes = NativeHoles.Make();

        var before = ResidentAnonymousKilobytes();
        Assert.True(NativeHeap.TryTrim(out var released));
        Assert.True(released);
        var after = ResidentAnonymousKilobytes();

        Assert.True(before - after >= NativeHoles.ReleasableKilobytes, $"resident anonymous memory went from {before} KB to {after} KB");
    }

    [Fact]
    public async Task The_trimming_service_hands_back_freed_pages_on_its_own()
    {
        using var service = Trimming(TimeSpan.FromMilliseconds(100));
        await service.StartAsync(CancellationToken.None);

        using var holes = NativeHoles.Make();

        await Eventually.WaitUntilAsync(
            () => holes.ResidentKilobytesWhenFull - ResidentAnonymousKilobytes() >= NativeHoles.ReleasableKilobytes,
            TimeSpan.FromSeconds(10), "the service's next round gives the holes back");
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_zero_interval_turns_trimming_off()
    {
        using var off = Trimming(TimeSpan.Zero);
        using var on = Trimming(TimeSpan.FromSeconds(5));

        await off.StartAsync(CancellationToken.None);
        await on.StartAsync(CancellationToken.None);

        await off.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(on.ExecuteTask!.IsCompleted);
        await on.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_negative_interval_stops_the_host_at_start_with_the_setting_named()
    {
        var data = Directory.CreateTempSubdirectory("pipeline-trim-").FullName;
        try
        {
            await using var app = PipelineApplication.Build(StageSet.Index, new Dictionary<string, string?>
            {
                ["Pipeline:DataDirectory"] = data,
                ["Pipeline:Urls"] = "http://127.0.0.1:0",
                ["Pipeline:NativeHeapTrimInterval"] = "-00:00:01",
            });

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Pipeline:NativeHeapTrimInterval", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    internal static long ResidentAnonymousKilobytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NativeHeapTrimming Trimming(TimeSpan interval) =>
        new(Options.Create(new PipelineOptions { NativeHeapTrimInterval = interval }), TimeProvider.System);
}
