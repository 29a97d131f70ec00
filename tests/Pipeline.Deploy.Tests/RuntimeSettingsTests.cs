using System.Text.Json;

namespace Pipeline.Deploy.Tests;

/// <summary>
/// The runtime settings the `pipeline` executable is built with: a worker in a small container must not keep a GC
/// heap per core, its first minutes must not be spent in instrumented code, and its resident memory should stay
/// low (see Pipeline.Host.csproj).
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static readonly JsonElement ConfigProperties = Load();

    [Fact]
    public void The_pipeline_executable_runs_on_workstation_gc()
    {
        Assert.False(ConfigProperties.GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void The_pipeline_executable_runs_without_dynamic_pgo()
    {
        Assert.False(ConfigProperties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public void The_pipeline_executable_has_the_gc_compact_fragmented_memory()
    {
        Assert.Equal("9", ConfigProperties.GetProperty("System.GC.ConserveMemory").ToString());
    }

    [Fact]
    public void The_pipeline_executable_runs_without_icu()
    {
        Assert.True(ConfigProperties.GetProperty("System.Globalization.Invariant").GetBoolean());
    }

    private static JsonElement Load()
    {
        // The host project is referenced, so its runtime configuration is copied beside these tests.
        var path = Path.Combine(AppContext.BaseDirectory, "pipeline.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
