using System.Reflection;
using Pipeline.LocalServers;

namespace Pipeline.Benchmarking.Running;

/// <summary>How to start the <c>pipeline</c> executable: an apphost, or the dotnet host with pipeline.dll.</summary>
public sealed record PipelineExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The executable this process runs as (the bench starts copies of its own `pipeline`).</summary>
    public static PipelineExecutable OfCurrentProcess()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var isDotnetHost = string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnetHost)
            return new PipelineExecutable(processPath, []);
        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry)
            ? throw new InvalidOperationException("Run by the dotnet host, but the entry assembly has no file location.")
            : new PipelineExecutable(processPath, [entry]);
    }

    /// <summary>pipeline.dll run through the dotnet host (tests and benchmarks that built the host beside them).</summary>
    public static PipelineExecutable OfDll(string dllPath) => new(ChildProcess.DotnetHostPath, [dllPath]);

    public ChildProcessOptions Options(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment) =>
        new(FileName, [.. LeadingArguments, .. arguments]) { Environment = environment };
}
