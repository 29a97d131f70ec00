using Xunit.Abstractions;

namespace Pipeline.Testing.Processes;

/// <summary>
/// The real <c>pipeline</c> executable as built beside the tests, run as a child process. A test project that
/// starts it references src/Pipeline.Host (without its assembly) so that the build makes it first.
/// </summary>
public static class PipelineHost
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string DllPath { get; } = Path.Combine(RepoPaths.Root, "src", "Pipeline.Host", "bin", Configuration, "net10.0", "pipeline.dll");

    /// <summary>How to run <c>pipeline ARGUMENTS</c>, with <paramref name="environment"/> added to the test's own.</summary>
    public static ChildProcessOptions Options(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException($"Build the host first: {DllPath} is missing.", DllPath);
        // Server GC keeps a heap per core; several workers on a two-core CI machine would crowd each other out.
        var variables = new Dictionary<string, string?> { ["DOTNET_gcServer"] = "0" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            variables[key] = value;
        return new ChildProcessOptions(ChildProcess.DotnetHostPath, [DllPath, .. arguments]) { Environment = variables };
    }

    /// <summary>Starts it and copies each line it prints to the test's output as <c>[NAME] line</c>.</summary>
    public static ChildProcess Start(ITestOutputHelper output, string name, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ChildProcess.Start(Options(environment, arguments) with { OnOutputLine = line => WriteSafely(output, $"[{name}] {line}") });
    }

    /// <summary>Runs a command (<c>pipeline status</c>, <c>pipeline errors list</c>) to its end.</summary>
    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ChildProcess.RunAsync(Options(environment, arguments), TimeSpan.FromMinutes(2));

    private static void WriteSafely(ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; late output of a stopping child has nowhere to go.
        }
    }
}
