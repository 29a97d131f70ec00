using System.Security.Cryptography;

namespace Pipeline.Contracts;

/// <summary>Document ids follow from content, so every stage and replica agrees on them without talking.</summary>
public static class DocumentIds
{
    /// <summary>The first 16 bytes of the SHA-256 of the content, as a Guid.</summary>
    public static Guid FromSha256Hex(string sha256Hex)
    {
        ArgumentNullException.ThrowIfNull(sha256Hex);
        if (sha256Hex.Length < 32)
            throw new ArgumentException("A SHA-256 hex string has 64 characters.", nameof(sha256Hex));
        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(sha256Hex.AsSpan(0, 32), bytes, out _, out _);
        return new Guid(bytes);
    }

    /// <summary>
    /// The id of one article of a file that holds several (a JSON list): the first 16 bytes of the SHA-256 of
    /// "{file hash}#{item index}", so every stage and every redelivery derives the same id for the same item.
    /// A file holding a single article keeps <see cref="FromSha256Hex"/> of its hash.
    /// </summary>
    public static Guid ForItem(string sha256Hex, int itemIndex)
    {
        ArgumentNullException.ThrowIfNull(sha256Hex);
        ArgumentOutOfRangeException.ThrowIfNegative(itemIndex);
        return FromSha256Hex(Sha256Hex(System.Text.Encoding.UTF8.GetBytes($"{sha256Hex}#{itemIndex}")));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return Convert.ToHexStringLower(hash);
    }
}
