using System.CommandLine;
using System.Globalization;
using Pipeline.Benchmarking;
using Pipeline.Benchmarking.Reporting;
using Pipeline.Benchmarking.Scaling;
using Serilog;
using Serilog.Events;

namespace Pipeline.Host.Cli;

/// <summary>`pipeline bench`: see <see cref="BenchRunner"/>. Progress goes to stderr, the result to stdout.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "A short run (under a minute) for CI. [config: Bench:Quick]" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var count = new Option<int?>("--count") { Description = "Articles per set-up (default 20000, 300 with --quick). [config: Bench:Count]" };
        var rabbitmq = new Option<string>("--rabbitmq") { Description = "AMQP URI of a broker to use as it is; a private one is started otherwise. [config: Bench:RabbitMqUri]" };
        var scaling = new Option<bool>("--scaling") { Description = "Instead: 1, 2 and 4 extract workers draining one preloaded queue of HTML pages (--count pages per run, default 1500, 60 with --quick); throughput and each worker's share. [config: Bench:Scaling:Workers, Pages, ProcessorsPerWorker, PinToCpus]" };
        var postgres = new Option<string>("--postgres") { Description = "Connection string of a PostgreSQL server allowed to create databases; a private one is started otherwise. [config: Bench:PostgresConnectionString]" };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0) r.AddError("--count must be positive.");
        });
        rabbitmq.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out _)) r.AddError("--rabbitmq must be an AMQP URI such as amqp://user:pass@host:5672/.");
        });

        var command = new Command("bench", "Measure the pipeline (embedded, and over RabbitMQ with PostgreSQL and with SQLite) against the broker's own relay ceiling.")
        {
            quick, json, count, rabbitmq, postgres, scaling,
        };
        // The bench starts a broker, a database server and pipeline processes: a stop must take them along.
        command.SetAction((parse, ct) => TerminationSignals.RunAsync(token => RunAsync(parse, token), ct));
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
        {
            var overrides = new Dictionary<string, string?> { ["Bench:Quick"] = parse.GetValue(quick).ToString(CultureInfo.InvariantCulture) };
            if (parse.GetValue(count) is { } articles)
            {
                var value = articles.ToString(CultureInfo.InvariantCulture);
                if (parse.GetValue(scaling))
                    (overrides["Bench:Scaling:Pages"], overrides["Bench:Scaling:QuickPages"]) = (value, value);
                else
                    overrides["Bench:Count"] = value;
            }
            if (parse.GetValue(rabbitmq) is { } uri) overrides["Bench:RabbitMqUri"] = uri;
            if (parse.GetValue(postgres) is { } connectionString) overrides["Bench:PostgresConnectionString"] = connectionString;

            await using var services = CliServices.Build(overrides, (s, c) =>
            {
                s.AddPipelineBench(c);
                s.AddLogging(logging => logging.AddSerilog(
                    new LoggerConfiguration()
                        .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture)
                        .CreateLogger(),
                    dispose: true));
            });
            if (parse.GetValue(scaling))
            {
                var scalingReport = await services.GetRequiredService<ScalingBench>().RunAsync(ct);
                Console.Write(parse.GetValue(json) ? ScalingTable.Serialize(scalingReport) + Environment.NewLine : ScalingTable.Format(scalingReport));
                return PipelineCommandLine.Success;
            }

            var report = await services.GetRequiredService<BenchRunner>().RunAsync(ct);
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BenchOptions>>().Value;
            Console.Write(parse.GetValue(json) ? BenchJson.Serialize(report) + Environment.NewLine : BenchTable.Format(report, options.ArticleCount));
            return PipelineCommandLine.Success;
        }
    }
}
