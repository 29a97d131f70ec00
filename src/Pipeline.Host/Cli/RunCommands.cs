using System.CommandLine;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cli;

internal static class RunCommands
{
    public static Command CreateRun()
    {
        var arguments = new HostingArguments(withStages: true);
        var command = new Command("run", "Run every stage in one process (embedded defaults: no broker, no database).");
        arguments.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(StageSet.All, arguments.ToConfiguration(parse), ct));
        return command;
    }

    public static Command CreateApi()
    {
        var arguments = new HostingArguments(withStages: true);
        var command = new Command("api", "Serve the HTTP API, dashboard and metrics without running a stage.");
        arguments.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var configuration = arguments.ToConfiguration(parse);
            configuration.TryAdd("Pipeline:Transport", "rabbitmq");
            return RunAsync(StageSet.None, configuration, ct);
        });
        return command;
    }

    public static Command CreateWorker()
    {
        var arguments = new HostingArguments(withStages: true);
        var stage = new Argument<string>("stage") { Description = "ingest, extract or index." };
        stage.AcceptOnlyFromAmong("ingest", "extract", "index");
        var command = new Command("worker", "Run one stage; start as many extract or index workers as you like.");
        command.Arguments.Add(stage);
        arguments.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var stages = parse.GetRequiredValue(stage) switch
            {
                "ingest" => StageSet.Ingest,
                "extract" => StageSet.Extract,
                _ => StageSet.Index,
            };
            var configuration = arguments.ToConfiguration(parse);
            configuration.TryAdd("Pipeline:Transport", "rabbitmq");
            return RunAsync(stages, configuration, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(StageSet stages, Dictionary<string, string?> configuration, CancellationToken cancellationToken)
    {
        await using var app = PipelineApplication.Build(stages, configuration);
        await app.RunAsync(cancellationToken);
        return PipelineCommandLine.Success;
    }
}
