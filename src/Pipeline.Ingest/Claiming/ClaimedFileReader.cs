using System.Buffers;
using System.Security.Cryptography;

namespace Pipeline.Ingest.Claiming;

/// <summary>What reading a claimed file found.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes read.</param>
/// <param name="SizeBytes">Bytes read.</param>
/// <param name="LastWriteUtc">Modification time at the end of the read.</param>
/// <param name="Content">The bytes, when the file is small enough to travel inline; otherwise null.</param>
/// <param name="Head">The first bytes, for guessing the media type.</param>
/// <param name="ChangedWhileRead">Size or time differed from what was expected or changed during the read.</param>
internal sealed record ReadResult(string Sha256, long SizeBytes, DateTimeOffset LastWriteUtc, byte[]? Content, byte[] Head, bool ChangedWhileRead);

/// <summary>Hashes a claimed file in one streamed pass, keeping the bytes only when they will travel inline.</summary>
internal static class ClaimedFileReader
{
    private const int BufferSize = 64 * 1024;
    private const int HeadSize = 512;

    /// <param name="expected">Size and time the file had when judged finished; null to accept what is there.</param>
    /// <param name="inlineMaxBytes">Keep the content when the file is at most this long.</param>
    public static async Task<ReadResult> ReadAsync(string path, (long Size, DateTimeOffset LastWriteUtc)? expected,
        int inlineMaxBytes, CancellationToken cancellationToken)
    {
        // FileShare.ReadWrite: a writer that still holds the file open must not make us fail; we notice its
        // writes instead and report the file as changed.
        await using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
            BufferSize = 0,
        });
        var handle = stream.SafeFileHandle;
        var lengthAtStart = RandomAccess.GetLength(handle);
        var timeAtStart = new DateTimeOffset(File.GetLastWriteTimeUtc(handle), TimeSpan.Zero);

        var content = lengthAtStart <= inlineMaxBytes ? new byte[lengthAtStart] : null;
        var head = new byte[Math.Min(HeadSize, lengthAtStart)];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                hash.AppendData(chunk);
                if (total < lengthAtStart)
                {
                    // Bytes beyond the length seen at the start mean the file grew; they are hashed but not kept.
                    var keep = (int)Math.Min(read, lengthAtStart - total);
                    if (content is not null)
                        chunk[..keep].CopyTo(content.AsSpan((int)total));
                    if (total < head.Length)
                        chunk[..(int)Math.Min(keep, head.Length - total)].CopyTo(head.AsSpan((int)total));
                }
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var lengthAtEnd = RandomAccess.GetLength(handle);
        var timeAtEnd = new DateTimeOffset(File.GetLastWriteTimeUtc(handle), TimeSpan.Zero);
        var changed = total != lengthAtStart || lengthAtEnd != lengthAtStart || timeAtEnd != timeAtStart
                      || (expected is { } e && (e.Size != lengthAtStart || e.LastWriteUtc != timeAtStart));
        return new ReadResult(Convert.ToHexStringLower(hash.GetHashAndReset()), total, timeAtEnd,
            changed ? null : content, head, changed);
    }
}
