namespace Pipeline.Benchmarking.Tests;

/// <summary>The `pipeline` executable built beside these tests (the project reference builds it first).</summary>
internal static class PipelineDll
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Pipeline.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
        var dll = System.IO.Path.Combine(directory.FullName, "src", "Pipeline.Host", "bin", Configuration, "net10.0", "pipeline.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the host first: {dll} is missing.");
    }
}
