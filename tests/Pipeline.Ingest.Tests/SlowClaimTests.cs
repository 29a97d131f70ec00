using MassTransit;
using Pipeline.Contracts;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Testing.Messages;
using Pipeline.Testing.Processes;

namespace Pipeline.Ingest.Tests;

/// <summary>
/// One claim held up (here its publish, as a broker slow to confirm would) must hold up neither the files that
/// become due meanwhile nor itself: it is neither waited for by the rest of the inbox nor published twice.
/// </summary>
public class SlowClaimTests
{
    [Fact]
    public async Task A_file_due_while_another_claim_is_held_up_is_taken_without_waiting_for_it()
    {
        await using var host = await IngestTestHost.StartAsync();
        using var gate = new PublishGate(host.Harness.Bus, "held/slow.txt");
        host.Drop("held/slow.txt", "Artikel yang tertahan.");
        await gate.Reached.WaitAsync(Eventually.DefaultTimeout);

        host.Drop("free/quick.txt", "Artikel yang lancar.");

        await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "free/quick.txt");
        Assert.False(gate.Released);
    }

    [Fact]
    public async Task The_sweep_leaves_a_claim_still_in_progress_alone()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?>
        {
            // The sweep republishes a claim stuck before its publish for this long; the held claim outlasts it.
            ["Ingest:RescanInterval"] = "00:00:00.200",
        });
        using var gate = new PublishGate(host.Harness.Bus, "held/slow.txt");
        host.Drop("held/slow.txt", "Artikel yang tertahan.");
        await gate.Reached.WaitAsync(Eventually.DefaultTimeout);

        // Several sweeps pass while the claim is held; a second file shows the watcher's loop went round meanwhile.
        await Task.Delay(host.Options.RescanInterval * 5);
        host.Drop("free/quick.txt", "Artikel yang lancar.");
        await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "free/quick.txt");
        gate.Release();

        await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "held/slow.txt");
        await Task.Delay(host.Options.RescanInterval * 3);
        Assert.Equal(1, gate.Attempts);
        Assert.Single(host.Harness.Published.MessagesSoFar<ArticleReceived>(), m => m.Source.Path == "held/slow.txt");
    }

    [Fact]
    public async Task A_file_rewritten_while_it_waits_for_a_slot_is_judged_again_not_quarantined()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:MaxConcurrentFiles"] = "1",
            ["Ingest:MaxFilesInFlight"] = "1",
        });
        host.Drop("first.txt", "Artikel pertama.");
        var first = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "first.txt")).Context.Message;

        // The work folder is full until the first file is stored: the second is decided and waits for room.
        var second = host.Drop("second.txt", "Versi lama.");
        await Task.Delay(host.Options.StabilityWindow * 4);
        await File.AppendAllTextAsync(second, " Versi baru yang lebih panjang.");
        await host.Harness.Bus.Publish(StageAnswers.Indexed(first));

        var published = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "second.txt")).Context.Message;
        Assert.Equal("Versi lama. Versi baru yang lebih panjang.", System.Text.Encoding.UTF8.GetString(published.Content!));
        Assert.False(Directory.Exists(host.Options.QuarantineFolder) && Directory.EnumerateFileSystemEntries(host.Options.QuarantineFolder).Any());
    }

    /// <summary>Holds the publish of one file's <see cref="ArticleReceived"/> until released (or disposed).</summary>
    private sealed class PublishGate : IPublishObserver, IDisposable
    {
        private readonly string _sourcePath;
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConnectHandle _handle;
        private int _attempts;

        public PublishGate(IBus bus, string sourcePath)
        {
            _sourcePath = sourcePath;
            _handle = bus.ConnectPublishObserver(this);
        }

        public Task Reached => _reached.Task;
        public bool Released => _release.Task.IsCompleted;
        public int Attempts => Volatile.Read(ref _attempts);

        public void Release() => _release.TrySetResult();

        public Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            if (context.Message is not ArticleReceived received || received.Source.Path != _sourcePath)
                return Task.CompletedTask;
            Interlocked.Increment(ref _attempts);
            _reached.TrySetResult();
            return _release.Task;
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

        public void Dispose()
        {
            Release();
            _handle.Disconnect();
        }
    }
}
