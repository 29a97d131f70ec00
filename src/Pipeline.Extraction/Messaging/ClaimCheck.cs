using Pipeline.Contracts;

namespace Pipeline.Extraction.Messaging;

/// <summary>Large files do not travel inside messages: the message names the claimed file instead.</summary>
internal static class ClaimCheck
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(ArticleReceived message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.ContentPath))
            throw new InvalidOperationException($"Message for {message.Source.Path} carries neither content nor a content path.");
        return await File.ReadAllBytesAsync(message.ContentPath, cancellationToken);
    }
}
