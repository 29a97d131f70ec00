using System.Text;
using Pipeline.Testing.Processes;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>Runs the real <c>pipeline</c> executable, built beside these tests: workers and one-shot commands.</summary>
internal static class Pipeline
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string DllPath => Path.Combine(RepositoryRoot, "src", "Pipeline.Host", "bin", Configuration, "net10.0", "pipeline.dll");

    public static ChildProcess Start(ITestOutputHelper output, string name, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string?> { ["DOTNET_gcServer"] = "0" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) variables[key] = value;
        return ChildProcess.Start(new ChildProcessOptions(ChildProcess.DotnetHostPath, [DllPath, .. arguments])
        {
            OnOutputLine = line => WriteSafely(output, $"[{name}] {line}"),
            Environment = variables,
        });
    }

    /// <summary>Runs a command to its end and returns its exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ITestOutputHelper output, params string[] arguments)
    {
        await using var process = Start(output, arguments[0], null, arguments);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, process.StandardOutput);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
    }

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
