using System.Text.Json;
using Npgsql;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Pipeline.Benchmarking.Tests;

/// <summary>`pipeline bench --rabbitmq URI --postgres CONNECTION_STRING`: the servers given are used as they are.</summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class BenchCommandGivenServersTests(RabbitMqFixture broker, PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private static readonly string[] PipelineQueues = ["pipeline-ingest", "pipeline-extract", "pipeline-index"];

    [Fact]
    public Task Runs_on_the_broker_and_database_server_given_and_drops_the_database_it_made() =>
        InVirtualHostOfItsOwnAsync(RunAndCheckAsync);

    [Fact]
    public Task Refuses_a_broker_a_pipeline_is_working_on_before_it_starts_anything() =>
        InVirtualHostOfItsOwnAsync(async (_, _, amqpUri) =>
        {
            var data = Directory.CreateTempSubdirectory("pipeline-bench-busy-");
            // A running pipeline's extract worker, reading pipeline-extract on that virtual host.
            await using var worker = PipelineHost.Start(output, "extract", null,
                "worker", "extract", "--rabbitmq", amqpUri.ToString(), "--data", data.FullName, "--urls", "http://127.0.0.1:0");
            try
            {
                await worker.WaitForOutputAsync("Pipeline is running", BenchCommand.Timeout);
                await Eventually.WaitUntilAsync(ct => ExtractConsumersAsync(amqpUri, ct), TimeSpan.FromSeconds(30), "the worker to consume pipeline-extract");

                var result = await BenchCommand.RunAsync(null, "bench", "--quick", "--json", "--count", "20", "--rabbitmq", amqpUri.ToString());

                Assert.Equal(1, result.ExitCode);
                Assert.Contains("in use by a pipeline: pipeline-extract (1 consumers, 0 messages)", result.StandardError, StringComparison.Ordinal);
                // Refused before anything ran, the embedded set-up included.
                Assert.DoesNotContain("Embedded:", result.StandardError, StringComparison.Ordinal);
                Assert.Equal(string.Empty, result.StandardOutput.Trim());
            }
            finally
            {
                await worker.StopGracefullyAsync(TimeSpan.FromSeconds(15));
                data.Delete(recursive: true);
            }
        });

    /// <summary>A virtual host of the test's own: other tests on the shared broker declare the pipeline's queues too.</summary>
    private async Task InVirtualHostOfItsOwnAsync(Func<RabbitMqManagementClient, string, Uri, Task> test)
    {
        using var management = broker.Server.CreateManagementClient();
        var virtualHost = "bench-" + Guid.NewGuid().ToString("N");
        await management.CreateVirtualHostAsync(virtualHost, broker.Server.Credentials.UserName);
        try
        {
            await test(management, virtualHost, new UriBuilder(broker.Server.AmqpUri) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri);
        }
        finally
        {
            await management.DeleteVirtualHostAsync(virtualHost);
        }
    }

    private static async Task<bool> ExtractConsumersAsync(Uri amqpUri, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync("pipeline-extract", cancellationToken)).ConsumerCount > 0;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false; // not declared yet
        }
    }

    private async Task RunAndCheckAsync(RabbitMqManagementClient management, string virtualHost, Uri amqpUri)
    {
        // PostgreSQL set-up only: the other two would only repeat what BenchCommandTests covers.
        await using var bench = ChildProcess.Start(PipelineHost.Options(
            new Dictionary<string, string?> { ["Bench__Setups__0"] = "Distributed" },
            "bench", "--quick", "--json", "--count", "120",
            "--rabbitmq", amqpUri.ToString(), "--postgres", postgres.Server.AdminConnectionString));
        var exit = bench.WaitForExitAsync(BenchCommand.Timeout);
        // The bench keeps its database until the run ends (seconds): looked for every 100 ms, it cannot be missed.
        var databasesSeen = new HashSet<string>();
        while (!exit.IsCompleted)
        {
            databasesSeen.UnionWith(await BenchDatabasesAsync());
            await Task.WhenAny(exit, Task.Delay(TimeSpan.FromMilliseconds(100)));
        }

        Assert.True(await exit == 0, bench.Output());
        Assert.DoesNotContain("Starting a private", bench.StandardError, StringComparison.Ordinal);
        Assert.NotEmpty(databasesSeen);
        Assert.Empty(await BenchDatabasesAsync());
        // The workers declared their queues on the broker given, in the virtual host given (the bench leaves a given broker's queues alone).
        Assert.Superset(PipelineQueues.ToHashSet(), (await management.GetQueuesAsync(virtualHost)).Select(q => q.Name).ToHashSet());

        var report = BenchCommand.SingleJsonObject(bench.StandardOutput);
        var postgresRate = BenchCommand.AssertSetup(report.GetProperty("distributed"), distributed: true);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("embedded").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("distributedSqlite").ValueKind);
        BenchCommand.AssertCeilingAndRatio(report, postgresRate);
    }

    private async Task<List<string>> BenchDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(postgres.Server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'pipeline\\_bench\\_%'", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }
}
