using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Testing.Messages;
using Pipeline.Testing.Processes;

namespace Pipeline.Ingest.Tests.Support;

/// <summary>
/// The ingest stage composed the way a host composes it (AddIngest + AddIngestConsumers) on MassTransit's
/// in-memory test harness, over a real temporary data folder. Short windows keep the tests quick.
/// </summary>
public sealed class IngestTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private IngestTestHost(IHost host, TempFolder temp)
    {
        _host = host;
        Temp = temp;
    }

    public TempFolder Temp { get; }
    public IServiceProvider Services => _host.Services;
    public ITestHarness Harness => _host.Services.GetRequiredService<ITestHarness>();
    public IngestOptions Options => _host.Services.GetRequiredService<IOptions<IngestOptions>>().Value;

    /// <summary>Builds the host; <paramref name="beforeStart"/> may seed the data folder (for crash recovery).</summary>
    public static async Task<IngestTestHost> StartAsync(IDictionary<string, string?>? settings = null,
        Func<IServiceProvider, Task>? beforeStart = null)
    {
        var temp = new TempFolder();
        var configuration = new Dictionary<string, string?>
        {
            ["Ingest:DataFolder"] = temp.Path,
            ["Ingest:StabilityWindow"] = "00:00:00.200",
            ["Ingest:RescanInterval"] = "00:00:00.500",
            ["Ingest:EventDebounce"] = "00:00:00.020",
            ["Ingest:InlineContentMaxBytes"] = "1024",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddIngest(builder.Configuration);
        builder.Services.AddMassTransitTestHarness(x => x.AddIngestConsumers());
        var host = builder.Build();
        if (beforeStart is not null)
            await beforeStart(host.Services);
        await host.StartAsync();
        return new IngestTestHost(host, temp);
    }

    public string Inbox(params string[] parts) => Path.Combine([Options.InboxFolder, .. parts]);

    /// <summary>Writes a file elsewhere and renames it in, the way a careful producer drops a file.</summary>
    public string Drop(string relativePath, string content) => Drop(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public string Drop(string relativePath, byte[] content)
    {
        var staging = Temp.Combine("staging-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(staging, content);
        var target = Inbox(relativePath.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staging, target);
        return target;
    }

    public async Task<IPublishedMessage<T>> PublishedAsync<T>(Func<T, bool> match) where T : class
    {
        // The harness's own Any() gives up after a short spell of bus inactivity, which a cold start can exceed;
        // poll its record of published messages against our deadline instead.
        IPublishedMessage<T>? found = null;
        await Eventually.WaitUntilAsync(() => (found = Harness.Published.SoFar<T>().FirstOrDefault(m => match(m.Context.Message))) is not null,
            Eventually.DefaultTimeout, $"a matching {typeof(T).Name} is published");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Temp.Dispose();
    }
}
