using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pipeline.Ner.Features;

/// <summary>
/// Names seen as Person / Organization / Location in the training data, matched as whole token sequences.
/// Keys are hashes of lower-cased token sequences; each key also records whether it begins a longer
/// name, so matching stops at the first token that leads nowhere. Read-only after construction.
/// </summary>
internal sealed class Gazetteer
{
    public const int MaxPhraseTokens = 8;

    /// <summary>Value bit: the key is the beginning of a longer name. Bits 0..2 are the type mask.</summary>
    public const byte PrefixFlag = 1 << 3;

    /// <summary>Token code bit: the token begins a match (bits 0..2 are the matched types).</summary>
    public const byte BeginFlag = 1 << 3;

    /// <summary>Token code bit: the match covers more than one token.</summary>
    public const byte MultiTokenFlag = 1 << 4;

    private const ulong PhraseSeed = 0x6A09E667F3BCC908UL;
    private const byte TypeMask = 0b111;

    private readonly ulong[] _keys;
    private readonly byte[] _values;
    private readonly int _slotMask;

    private Gazetteer(IReadOnlyList<KeyValuePair<ulong, byte>> sortedEntries)
    {
        Entries = sortedEntries;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, sortedEntries.Count * 2));
        _keys = new ulong[capacity];
        _values = new byte[capacity];
        _slotMask = capacity - 1;
        foreach (var (key, value) in sortedEntries)
        {
            var slot = (int)(key & (ulong)_slotMask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _slotMask;
            }

            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    public static Gazetteer Empty { get; } = new([]);

    /// <summary>Entries in key order: the form they are saved in.</summary>
    public IReadOnlyList<KeyValuePair<ulong, byte>> Entries { get; }

    /// <summary>Names (not prefixes) in the gazetteer.</summary>
    public int NameCount => Entries.Count(e => (e.Value & TypeMask) != 0);

    /// <param name="entries">Keys must be non-zero (see <see cref="Extend"/>), values non-zero.</param>
    public static Gazetteer FromEntries(IEnumerable<KeyValuePair<ulong, byte>> entries)
    {
        var sorted = entries.OrderBy(e => e.Key).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Key == 0 || sorted[i].Value == 0 || (i > 0 && sorted[i].Key == sorted[i - 1].Key))
            {
                throw new InvalidDataException("Gazetteer entries must have distinct non-zero keys and non-zero values.");
            }
        }

        return new Gazetteer(sorted);
    }

    public static ulong PhraseStart => PhraseSeed;

    /// <summary>The key of a phrase extended by one more token's lower-cased word hash; never zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong phrase, ulong wordHash) => FeatureHash.Combine(phrase, wordHash) | 1UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Lookup(ulong key)
    {
        var slot = (int)(key & (ulong)_slotMask);
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return _values[slot];
            }

            if (found == 0)
            {
                return 0;
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>
    /// Sets <see cref="TokenInfo.Gazetteer"/> by greedy longest match from left to right. A match must start
    /// at a token that is not all lower case, so common words that were once part of a name do not fire.
    /// </summary>
    public void Mark(Span<TokenInfo> tokens)
    {
        var i = 0;
        while (i < tokens.Length)
        {
            var bestLength = 0;
            byte bestTypes = 0;
            var capitalisation = tokens[i].Capitalisation;
            if (capitalisation is not (CapitalisationClass.Lower or CapitalisationClass.Punctuation))
            {
                var key = PhraseSeed;
                var limit = Math.Min(MaxPhraseTokens, tokens.Length - i);
                for (var length = 1; length <= limit; length++)
                {
                    key = Extend(key, tokens[i + length - 1].Word);
                    var value = Lookup(key);
                    if ((value & TypeMask) != 0)
                    {
                        bestLength = length;
                        bestTypes = (byte)(value & TypeMask);
                    }

                    if ((value & PrefixFlag) == 0)
                    {
                        break;
                    }
                }
            }

            if (bestLength == 0)
            {
                i++;
                continue;
            }

            var multi = bestLength > 1 ? MultiTokenFlag : (byte)0;
            for (var k = 0; k < bestLength; k++)
            {
                tokens[i + k].Gazetteer = (byte)(bestTypes | multi | (k == 0 ? BeginFlag : 0));
            }

            i += bestLength;
        }
    }
}
