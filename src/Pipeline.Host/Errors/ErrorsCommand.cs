using System.CommandLine;
using System.Text.Json;
using Pipeline.Host.Cli;
using Pipeline.Host.Web;

namespace Pipeline.Host.Errors;

/// <summary><c>pipeline errors list [--json]</c> and <c>pipeline errors replay [--stage S] [--id ID]</c>.</summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var command = new Command("errors", "Failed messages in the stages' error queues (RabbitMQ).");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateReplay());
        return command;
    }

    private static Command CreateList()
    {
        var rabbitmq = BrokerOption();
        var json = new Option<bool>("--json") { Description = "One JSON object: {supported, note, total, groups, messages}." };
        var command = new Command("list", "Failed messages grouped by stage and exception type.") { rabbitmq, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = Build(parse, rabbitmq);
            var report = await services.GetRequiredService<IFailedMessages>().ListAsync(ct);
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(report, PipelineJson.Options));
            else
                WriteText(report);
            return PipelineCommandLine.Success;
        });
        return command;
    }

    private static Command CreateReplay()
    {
        var rabbitmq = BrokerOption();
        var stage = new Option<string>("--stage") { Description = "Only this stage's failed messages." };
        stage.AcceptOnlyFromAmong([.. RabbitMqFailedMessages.StageQueues.Select(s => s.Stage)]);
        var id = new Option<string>("--id") { Description = "Only the message with this id (see 'errors list')." };
        var command = new Command("replay", "Send failed messages back to the queue they failed on.") { rabbitmq, stage, id };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = Build(parse, rabbitmq);
            var result = await services.GetRequiredService<IFailedMessages>().ReplayAsync(parse.GetValue(stage), parse.GetValue(id), ct);
            if (!result.Supported)
            {
                await Console.Error.WriteLineAsync($"pipeline: {result.Note}");
                return PipelineCommandLine.Failure;
            }
            Console.WriteLine($"Replayed {result.Replayed} message(s); {result.Remaining} left in error queues.");
            return PipelineCommandLine.Success;
        });
        return command;
    }

    private static Option<string> BrokerOption() =>
        new("--rabbitmq") { Description = "AMQP URI of the broker [config: RabbitMq:Uri; Pipeline:Transport must be rabbitmq otherwise]." };

    private static ServiceProvider Build(ParseResult parse, Option<string> rabbitmq)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(rabbitmq) is { } uri)
        {
            overrides["RabbitMq:Uri"] = uri;
            overrides["Pipeline:Transport"] = Hosting.Transports.RabbitMq;
        }
        return CliServices.Build(overrides, (services, configuration) => services.AddFailedMessages(configuration));
    }

    private static void WriteText(FailedMessageReport report)
    {
        if (!report.Supported)
        {
            Console.WriteLine(report.Note);
            return;
        }
        if (report.Total == 0)
        {
            Console.WriteLine("No failed messages.");
            return;
        }
        foreach (var group in report.Groups)
            Console.WriteLine($"{group.Stage,-8} {group.Count,6}  {group.ExceptionType}: {group.ExampleMessage}");
        Console.WriteLine($"{report.Total} failed message(s). Replay with: pipeline errors replay [--stage S] [--id ID]");
    }
}
