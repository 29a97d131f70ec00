using System.CommandLine;
using Pipeline.Host.Cli;
using Pipeline.Monitoring;
using Pipeline.Monitoring.Broker;
using Pipeline.Monitoring.Status;
using Spectre.Console;

namespace Pipeline.Host.Monitoring;

/// <summary><c>pipeline status [--json] [--watch] [--url HOST_URL] [--management URI]</c>. Exit code 0 healthy, 1 otherwise.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {health, stages, alerts} as JSON (one object per refresh with --watch)." };
        var watch = new Option<bool>("--watch") { Description = "Refresh every Monitoring:SampleInterval until Ctrl+C." };
        var url = new Option<string>("--url") { Description = "URL of a running host to ask [default: config Pipeline:Urls]." };
        var management = new Option<string>("--management")
        {
            Description = "Ask RabbitMQ's management API directly, e.g. http://user:pass@localhost:15672/ [config: RabbitMq:ManagementUri].",
        };
        var command = new Command("status", "Queue health per stage (depth, rates, consumers, errors) and alerts.") { json, watch, url, management };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(management) is { } managementUri) overrides["RabbitMq:ManagementUri"] = managementUri;
            await using var services = CliServices.Build(overrides);
            var configuration = services.GetRequiredService<IConfiguration>();
            var monitoring = configuration.GetSection(MonitoringOptions.SectionName).Get<MonitoringOptions>() ?? new MonitoringOptions();

            using var source = parse.GetValue(management) is not null
                ? StatusSource.FromBroker(configuration.GetSection(RabbitMqManagementOptions.SectionName).Get<RabbitMqManagementOptions>() ?? new(), monitoring)
                : StatusSource.FromHost(HostUrl(parse.GetValue(url) ?? configuration["Pipeline:Urls"]), TimeSpan.FromSeconds(2));
            return await ShowAsync(source, parse.GetValue(json), parse.GetValue(watch), monitoring.SampleInterval, ct);
        });
        return command;
    }

    private static async Task<int> ShowAsync(StatusSource source, bool json, bool watch, TimeSpan interval, CancellationToken cancellationToken)
    {
        var report = await source.ReadAsync(cancellationToken);
        if (!watch)
        {
            Write(report, json);
            return report.ExitCode;
        }
        try
        {
            using var timer = new PeriodicTimer(interval);
            if (json) await WatchJsonAsync(source, report, timer, cancellationToken);
            else await WatchTableAsync(source, report, timer, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how --watch ends.
        }
        return source.Last?.ExitCode ?? report.ExitCode;
    }

    private static async Task WatchJsonAsync(StatusSource source, StatusReport first, PeriodicTimer timer, CancellationToken cancellationToken)
    {
        Write(first, json: true);
        while (await timer.WaitForNextTickAsync(cancellationToken))
            Write(await source.ReadAsync(cancellationToken), json: true);
    }

    private static Task WatchTableAsync(StatusSource source, StatusReport first, PeriodicTimer timer, CancellationToken cancellationToken) =>
        AnsiConsole.Live(StatusTable.Render(first)).StartAsync(async live =>
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                live.UpdateTarget(StatusTable.Render(await source.ReadAsync(cancellationToken)));
        });

    private static void Write(StatusReport report, bool json)
    {
        if (json) Console.WriteLine(StatusJson.Serialize(report));
        else AnsiConsole.Write(StatusTable.Render(report));
    }

    /// <summary>The first of the host's listen URLs, with a wildcard address replaced by loopback.</summary>
    internal static Uri HostUrl(string? urls)
    {
        var first = (urls ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var builder = new UriBuilder(first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]") builder.Host = "127.0.0.1";
        return builder.Uri;
    }
}
