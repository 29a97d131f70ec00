using Pipeline.Testing.Processes;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

/// <summary>Starts the real <c>pipeline</c> executable, built beside these tests, as a child process.</summary>
internal static class PipelineExecutable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string DllPath { get; } = Locate();

    public static ChildProcess Start(ITestOutputHelper output, string name, params string[] arguments) =>
        ChildProcess.Start(new ChildProcessOptions(ChildProcess.DotnetHostPath, [DllPath, .. arguments])
        {
            OnOutputLine = line => WriteSafely(output, $"[{name}] {line}"),
            Environment = new Dictionary<string, string?> { ["DOTNET_gcServer"] = "0" },
        });

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
        var dll = Path.Combine(directory.FullName, "src", "Pipeline.Host", "bin", Configuration, "net10.0", "pipeline.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the host first: {dll} is missing.");
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
