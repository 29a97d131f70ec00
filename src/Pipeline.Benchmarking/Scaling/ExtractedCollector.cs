using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Pipeline.Benchmarking.Scaling;

/// <summary>One page as the extract stage reported it: which worker, and when it started and finished.</summary>
internal readonly record struct ExtractVisit(Guid DocumentId, string Worker, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

/// <summary>
/// A scratch queue of the bench bound to the <c>ArticleExtracted</c> exchange: every page the workers extract arrives
/// here with its stage visits, so the bench learns who did what and when from the messages themselves.
/// </summary>
internal sealed class ExtractedCollector : IAsyncDisposable
{
    /// <summary>MassTransit's exchange for the message type (namespace:name), fanout and durable as MassTransit declares it.</summary>
    public const string ExtractedExchange = "Pipeline.Contracts:ArticleExtracted";

    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<Guid, ExtractVisit> _visits = new();
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();

    private ExtractedCollector(IChannel channel) => _channel = channel;

    /// <summary>Pages seen more than once (a redelivery after a worker stopped would show here).</summary>
    public int Duplicates => _deliveries.Values.Count(n => n > 1);

    public static async Task<ExtractedCollector> StartAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var collector = new ExtractedCollector(channel);
        await channel.ExchangeDeclareAsync(ExtractedExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = "bench-scaling-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, ExtractedExchange, string.Empty, cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            collector.Record(delivery.Body);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        return collector;
    }

    /// <summary>Waits until every id in <paramref name="ids"/> has arrived; returns their visits.</summary>
    public async Task<IReadOnlyList<ExtractVisit>> WaitForAsync(IReadOnlyList<Guid> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!ids.All(_visits.ContainsKey))
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Only {ids.Count(_visits.ContainsKey)} of {ids.Count} pages were extracted within {timeout}; look for rejected pages or a stopped worker.");
        }

        return [.. ids.Select(id => _visits[id])];
    }

    public async ValueTask DisposeAsync() => await _channel.DisposeAsync();

    private void Record(ReadOnlyMemory<byte> body)
    {
        using var envelope = JsonDocument.Parse(body);
        var message = envelope.RootElement.GetProperty("message");
        var id = message.GetProperty("documentId").GetGuid();
        _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
        foreach (var stage in message.GetProperty("stages").EnumerateArray())
        {
            if (stage.GetProperty("stage").GetString() != Contracts.Stages.Extract) continue;
            _visits[id] = new ExtractVisit(id, stage.GetProperty("worker").GetString()!,
                stage.GetProperty("startedAt").GetDateTimeOffset(), stage.GetProperty("finishedAt").GetDateTimeOffset());
        }
    }
}
