using System.CommandLine;

namespace Pipeline.Host.Cli;

/// <summary>The <c>pipeline</c> command line. Exit codes: 0 success, 1 failure, 2 bad usage.</summary>
public static class PipelineCommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("Pipeline: news articles dropped as files become enriched, searchable records.");
        root.Subcommands.Add(RunCommands.CreateRun());
        root.Subcommands.Add(RunCommands.CreateWorker());
        root.Subcommands.Add(RunCommands.CreateApi());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(TrainNerCommand.Create());
        root.Subcommands.Add(Monitoring.StatusCommand.Create());
        root.Subcommands.Add(Errors.ErrorsCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RelevanceCommand.Create());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await Console.Error.WriteLineAsync($"pipeline: {error.Message}");
            await Console.Error.WriteLineAsync("Run 'pipeline --help' for usage.");
            return BadUsage;
        }
        try
        {
            // The generic host handles SIGTERM and Ctrl+C itself, with the configured shutdown timeout;
            // the command line library must not cut that short.
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"pipeline: {e.Message}");
            return Failure;
        }
    }
}
