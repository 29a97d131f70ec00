using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests;

/// <summary>Tests that swap Console.Out cannot run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "console";
}

internal static class ConsoleCapture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        await Gate.WaitAsync();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var exitCode = await PipelineCommandLine.InvokeAsync(args);
            return (exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Gate.Release();
        }
    }
}
