using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring;
using Pipeline.Monitoring.Broker;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Pipeline.Testing.RabbitMq;
using RabbitMQ.Client;

namespace Pipeline.Benchmarks.Monitoring;

/// <summary>
/// What <c>pipeline status --management</c> does once the process runs: one management API call for every
/// queue, then the health model and alert rules; and the whole command as a user runs it, process start included.
/// Target: under 1 s with 50 queues on the broker.
/// Starts a private RabbitMQ node (or uses PIPELINE_TEST_RABBITMQ) with the three stage queues, their error
/// queues and 44 others, some holding messages.
/// </summary>
[MemoryDiagnoser]
public class StatusLatencyBenchmarks : IDisposable
{
    private const int QueueCount = 50;
    private RabbitMqServer? _server;
    private HttpClient? _http;
    private BrokerManagementClient? _client;
    private readonly MonitoringOptions _options = new();

    [GlobalSetup]
    public async Task StartBrokerAsync()
    {
        _server = await RabbitMqServer.StartAsync();
        await DeclareQueuesAsync(_server.AmqpUri);
        var options = new RabbitMqManagementOptions
        {
            Uri = _server.AmqpUri,
            ManagementUri = _server.ManagementUri,
            VirtualHost = _server.VirtualHost,
        };
        _http = new HttpClient();
        BrokerManagementClient.Configure(_http, options);
        _client = new BrokerManagementClient(_http, Options.Create(options));
        var queues = await _client.GetQueuesAsync(CancellationToken.None);
        if (queues.Count < QueueCount) throw new InvalidOperationException($"Expected {QueueCount} queues, the broker lists {queues.Count}.");
    }

    [Benchmark]
    public Task<StatusReport> StatusFromBroker() =>
        StatusClient.FromBrokerAsync(_client!, _options, SampleHistory.For(_options), "bench", CancellationToken.None);

    /// <summary>
    /// The real <c>pipeline status --management URI --json</c> process, start to exit. Runs the published
    /// executable when <c>PIPELINE_EXECUTABLE</c> names one (e.g. a ReadyToRun publish), else the build output.
    /// </summary>
    [Benchmark]
    public async Task<int> StatusCommandProcess()
    {
        using var process = Process.Start(StatusCommand())!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // Exit code 1 is a legitimate answer (the stage queues have no consumers); anything else is a failure.
        if (process.ExitCode > 1 || !output.Contains("\"stages\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"pipeline status exited with {process.ExitCode}: {output}");
        return process.ExitCode;
    }

    private ProcessStartInfo StatusCommand()
    {
        var executable = Environment.GetEnvironmentVariable("PIPELINE_EXECUTABLE");
        var info = new ProcessStartInfo(executable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (executable is null)
            info.ArgumentList.Add(Path.Combine(BenchmarkData.RepoRoot(), "src/Pipeline.Host/bin/Release/net10.0/pipeline.dll"));
        foreach (var argument in (string[])["status", "--json", "--management", _server!.ManagementUri.ToString()])
            info.ArgumentList.Add(argument);
        info.Environment["RabbitMq__Uri"] = _server.AmqpUri.ToString();
        info.Environment["RabbitMq__VirtualHost"] = _server.VirtualHost;
        return info;
    }

    [GlobalCleanup]
    public async Task StopBrokerAsync()
    {
        _http?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task DeclareQueuesAsync(Uri amqp)
    {
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var names = new List<string>();
        foreach (var stage in new[] { "ingest", "extract", "index" }) names.AddRange([$"pipeline-{stage}", $"pipeline-{stage}_error"]);
        for (var i = names.Count; i < QueueCount; i++) names.Add($"other-service-{i}");
        foreach (var name in names)
        {
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync(string.Empty, name, Encoding.UTF8.GetBytes(name));
        }
    }
}
