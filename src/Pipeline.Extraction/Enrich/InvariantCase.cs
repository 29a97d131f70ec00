using System.Buffers;
using System.Text;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Invariant casing that keeps every offset, with the ASCII stretches done by the vectorised
/// <see cref="Ascii"/> routine. The host runs without ICU (invariant globalization), where the runtime's own
/// invariant casing goes char by char; news text is ASCII but for its quotes, dashes and accents.
/// Non-ASCII stretches go to the runtime whole, so a surrogate pair is never split.
/// </summary>
internal static class InvariantCase
{
    public static string ToUpper(string text) =>
        string.Create(text.Length, text, static (destination, source) => ToUpper(source, destination));

    /// <summary>Upper-cases <paramref name="source"/> into <paramref name="destination"/>, which must be as long.</summary>
    public static void ToUpper(ReadOnlySpan<char> source, Span<char> destination)
    {
        var at = 0;
        while (at < source.Length)
        {
            var rest = source[at..];
            var ascii = rest.IndexOfAnyExceptInRange('\0', '\x7f');
            if (ascii < 0)
                ascii = rest.Length;
            if (ascii > 0)
            {
                Ascii.ToUpper(rest[..ascii], destination.Slice(at, ascii), out _);
                at += ascii;
                continue;
            }

            var other = rest.IndexOfAnyInRange('\0', '\x7f');
            if (other < 0)
                other = rest.Length;
            rest[..other].ToUpperInvariant(destination.Slice(at, other));
            at += other;
        }
    }

    /// <summary>
    /// Lower-cases one word into <paramref name="destination"/>, which must be as long: an ASCII word (nearly every
    /// word here) in the ASCII routine, any other as the runtime does it.
    /// </summary>
    public static void ToLowerWord(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (Ascii.ToLower(word, destination, out _) != OperationStatus.Done)
            word.ToLowerInvariant(destination);
    }
}
