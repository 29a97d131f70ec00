using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Pipeline.Storage;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>
/// The chaos run: a private broker and PostgreSQL, ingest + two extract + two index workers as processes,
/// good, duplicate and bad files dropped while workers are SIGKILLed and restarted, the broker restarts once
/// and PostgreSQL stops for 20 s. Then every good file must be stored exactly once, every bad one quarantined
/// with a reason, the inbox empty and no message left outside error queues. Size from PIPELINE_CHAOS_FILES
/// (CI default small); e.g. <c>PIPELINE_CHAOS_FILES=5000 dotnet test tests/Pipeline.ReliabilityTests --filter Chaos</c>.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const string SizeVariable = "PIPELINE_CHAOS_FILES";
    private static readonly TimeSpan DatabaseOutage = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private static readonly string[] Restartable = ["extract-1", "extract-2", "index-1", "index-2"];
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-chaos-").FullName;
    private readonly PipelineWorkers _workers = new(output, Patience);
    // Written after each start's await, and the first four start together.
    private readonly ConcurrentDictionary<string, ChildProcess> _running = [];
    private RabbitMqServer? _broker;
    private PostgresServer? _postgres;
    private string[] _common = [];

    [Fact]
    public async Task Chaos_every_good_file_is_stored_once_every_bad_file_is_quarantined_and_no_message_is_left()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable(SizeVariable), CultureInfo.InvariantCulture, out var n) ? n : 120;
        var bad = total / 10;
        var duplicates = total / 20;
        var good = total - bad - duplicates;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var broker = _broker!;
        var postgres = _postgres!;
        var connectionString = await postgres.CreateDatabaseAsync("chaos");
        _common = ["--rabbitmq", broker.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0", "--store", "postgres", "--postgres", connectionString];
        using var management = broker.CreateManagementClient();

        await Task.WhenAll(Restartable.Select(StartAsync));
        await Eventually.WaitUntilAsync(async ct =>
            (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.Consumers == 2 &&
            (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Consumers == 2,
            Patience, "two extract and two index workers consume");
        await StartAsync("ingest");
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), Patience, "ingest creates the inbox");
        await using var reader = await StoreReader.OpenAsync("postgres", _data, connectionString);
        var store = reader.Store;

        // Four rounds of dropping, each followed by a fault.
        var kills = 0;
        var clock = Stopwatch.StartNew();
        void Drop(int round)
        {
            for (var i = round; i < good; i += 4) ChaosFiles.WriteGood(inbox, i);
            for (var i = round; i < bad; i += 4) ChaosFiles.WriteBad(inbox, i);
            for (var i = round; i < duplicates; i += 4) ChaosFiles.WriteDuplicate(inbox, i);
        }
        async Task KillOneAsync()
        {
            var name = Restartable[random.Next(Restartable.Length)];
            _running[name].Kill();
            await _running[name].WaitForExitAsync(Patience);
            kills++;
            output.WriteLine($"[chaos] {clock.Elapsed:mm\\:ss} SIGKILL {name}");
            await StartAsync(name);
        }

        Drop(0);
        await KillOneAsync();
        Drop(1);
        output.WriteLine($"[chaos] {clock.Elapsed:mm\\:ss} broker stop");
        await broker.StopAppAsync();
        await broker.StartAppAsync();
        output.WriteLine($"[chaos] {clock.Elapsed:mm\\:ss} broker back");
        await KillOneAsync();
        Drop(2);
        output.WriteLine($"[chaos] {clock.Elapsed:mm\\:ss} PostgreSQL stop for {DatabaseOutage.TotalSeconds} s");
        await postgres.StopAsync();
        Drop(3);
        await Task.Delay(DatabaseOutage); // the length of the outage is the fault itself, not a wait for a result
        await postgres.StartAsync();
        output.WriteLine($"[chaos] {clock.Elapsed:mm\\:ss} PostgreSQL back");
        await KillOneAsync();
        var lastFault = clock.Elapsed;

        var quarantine = Path.Combine(_data, "quarantine");
        var archive = Path.Combine(_data, "archive");
        var drainLimit = Patience + TimeSpan.FromMilliseconds(100 * total);
        await Eventually.WaitUntilAsync(async ct =>
                await store.CountAsync(ct) >= good && Count(quarantine, "*.reason.json") >= bad &&
                Count(archive, "*") >= good + duplicates && Count(inbox, "*") == 0,
            drainLimit, "every file reaches its final place", TimeSpan.FromSeconds(1));
        var drained = clock.Elapsed - lastFault;

        var lost = 0;
        var doubled = 0;
        for (var i = 0; i < good; i++)
        {
            var hits = (await store.SearchAsync(new SearchRequest(Articles.MarkerOf(i)), CancellationToken.None)).Total;
            if (hits == 0) lost++;
            if (hits > 1) doubled += (int)hits - 1;
        }
        var stored = await store.CountAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueuesAsync(cancellationToken: ct))
                .Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal)).All(q => q.Messages == 0),
            Patience, "every queue but the error queues is empty");
        var errorQueues = (await management.GetQueuesAsync()).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0).ToList();

        output.WriteLine($"[chaos] seed {seed}: files {total} (good {good}, same content again {duplicates}, bad {bad}); " +
                         $"kills {kills}, broker restarts 1, database outages 1 ({DatabaseOutage.TotalSeconds} s); " +
                         $"stored {stored}, lost {lost}, duplicates {doubled}, quarantined {Count(quarantine, "*.reason.json")}, " +
                         $"error-queue messages {errorQueues.Sum(q => q.Messages)}; drained {drained.TotalSeconds:F1} s after the last fault; run {clock.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
        Assert.Equal(good, stored);
        Assert.Equal(bad, Count(quarantine, "*.reason.json"));
        Assert.Equal(good + duplicates, Count(archive, "*"));
        Assert.Equal(0, Count(inbox, "*"));
        Assert.Empty(errorQueues);
    }

    private static int Count(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Count() : 0;

    private async Task StartAsync(string name) =>
        _running[name] = await _workers.StartAsync(name.Split('-')[0], _common, name: name);

    public async Task InitializeAsync()
    {
        var broker = RabbitMqServer.StartPrivateAsync();
        var postgres = PostgresServer.StartAsync();
        _broker = await broker;
        _postgres = await postgres;
    }

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
