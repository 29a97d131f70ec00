using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Testing.Messages;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>
/// `pipeline errors list/replay` and /api/errors against a real broker and a real extract worker: a message
/// whose claimed file has vanished fails every retry, lands in pipeline-extract_error, is listed, and is
/// replayed once the file is back.
/// </summary>
public sealed class FailedMessageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ApiKey = "test-key-3f9a";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-errors-").FullName;
    private RabbitMqServer? _broker;
    private readonly PipelineWorkers _workers = new(output, Patience);

    private RabbitMqServer BrokerServer => _broker!;

    [Fact]
    public async Task A_failed_message_is_listed_by_stage_and_exception_without_being_consumed_and_replayed_after_the_cause_is_fixed()
    {
        using var management = BrokerServer.CreateManagementClient();
        var port = FreePorts.Take(1)[0];
        await _workers.StartAsync("extract", ["--rabbitmq", BrokerServer.AmqpUri.ToString(), "--data", _data, "--urls", $"http://0.0.0.0:{port}"],
            new Dictionary<string, string?> { ["Errors__ApiKey"] = ApiKey, ["ExtractConsumer__RetryLimit"] = "1" });
        await _workers.StartAsync("index", ["--rabbitmq", BrokerServer.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0"]);

        var claimed = Directory.CreateDirectory(Path.Combine(_data, "claimed")).FullName;
        var vanished = Path.Combine(claimed, "vanished.txt");
        var documentId = Guid.NewGuid();
        await Broker.PublishAsync(BrokerServer, TestMessages.ReceivedByClaimCheck(vanished, documentId));
        await Eventually.WaitUntilAsync(async ct => await Broker.MessagesAsync(management, "pipeline-extract_error", ct) == 1,
            Patience, "the message fails its retries and is moved to pipeline-extract_error");

        // Listing reads without consuming: the same single message is there every time.
        for (var i = 0; i < 3; i++)
        {
            var (exitCode, json, _) = await PipelineHost.RunAsync(null, "errors", "list", "--json", "--rabbitmq", BrokerServer.AmqpUri.ToString());
            Assert.Equal(0, exitCode);
            using var report = JsonDocument.Parse(json);
            Assert.True(report.RootElement.GetProperty("supported").GetBoolean());
            Assert.Equal(1, report.RootElement.GetProperty("total").GetInt32());
            var group = Assert.Single(report.RootElement.GetProperty("groups").EnumerateArray());
            Assert.Equal("extract", group.GetProperty("stage").GetString());
            Assert.Equal(typeof(FileNotFoundException).FullName, group.GetProperty("exceptionType").GetString());
            Assert.Contains("vanished.txt", group.GetProperty("exampleMessage").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(1, await Broker.MessagesAsync(management, "pipeline-extract_error"));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var listed = await http.GetFromJsonAsync<JsonElement>("api/errors");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());

        // The worker listens on every address: replay changes state and needs the key.
        using (var refused = await http.PostAsync(new Uri("api/errors/replay?stage=extract", UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1, await Broker.MessagesAsync(management, "pipeline-extract_error"));

        await File.WriteAllTextAsync(vanished, "KOTA - Sebuah artikel pendek yang kembali ke tempatnya sebelum dikirim ulang ke tahap ekstraksi.");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/errors/replay?stage=extract");
        request.Headers.Add("X-Api-Key", ApiKey);
        using var replayed = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(1, (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());

        await using var reader = await StoreReader.OpenAsync("sqlite", _data);
        var store = reader.Store;
        await Eventually.WaitUntilAsync(async ct => await store.GetAsync(documentId, ct) is not null,
            Patience, "the replayed message is extracted and stored");
        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
        // The management API refreshes queue counts every few seconds.
        await Eventually.WaitUntilAsync(async ct => await Broker.MessagesAsync(management, "pipeline-extract_error", ct) == 0,
            Patience, "the error queue is empty after the replay");
    }

    [Fact]
    public async Task Embedded_mode_says_failed_messages_are_only_in_the_log()
    {
        var (exitCode, json, _) = await PipelineHost.RunAsync(null, "errors", "list", "--json");
        Assert.Equal(0, exitCode);
        using var report = JsonDocument.Parse(json);
        Assert.False(report.RootElement.GetProperty("supported").GetBoolean());
        Assert.Contains("process log", report.RootElement.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, report.RootElement.GetProperty("total").GetInt32());
    }

    public async Task InitializeAsync() => _broker = await RabbitMqServer.StartPrivateAsync();

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
