using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pipeline.Ner.Features;

/// <summary>
/// Names seen as Person / Organization / Location in the training data, matched as whole token sequences.
/// Keys are hashes of lower-cased token sequences; each key also records whether it begins a longer
/// name, so matching stops at the first token that leads nowhere. A second set of keys records, per word,
/// the types of the names it was part of and whether it also occurred outside names. Read-only after construction.
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

    /// <summary>Value bit of a word key: the word was also seen outside any name.</summary>
    public const byte SeenOutsideFlag = 1 << 4;

    /// <summary>Value bit of a word key: the word was seen written all in lower case (a common word).</summary>
    public const byte SeenLowerCaseFlag = 1 << 5;

    /// <summary>Value bit that tells word keys from phrase keys (a found word therefore never reads as 0).</summary>
    public const byte WordKeyFlag = 1 << 6;

    private const ulong PhraseSeed = 0x6A09E667F3BCC908UL;
    private const ulong WordSeed = 0xBB67AE8584CAA73BUL;
    private const byte TypeMask = 0b111;

    // Lookup table: 24 bits of key fingerprint and the 8-bit value in one uint per slot, so the table of a
    // full model stays around 128 KB and cache-resident. Slot index and fingerprint together use 40 key bits.
    private readonly uint[] _slots;
    private readonly int _slotMask;
    private readonly int _slotShift;

    private Gazetteer(IReadOnlyList<KeyValuePair<ulong, byte>> sortedEntries)
    {
        Entries = sortedEntries;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, sortedEntries.Count + (sortedEntries.Count / 2)));
        _slots = new uint[capacity];
        _slotMask = capacity - 1;
        _slotShift = 64 - BitOperations.Log2((uint)capacity);
        foreach (var (key, value) in sortedEntries)
        {
            var slot = SlotOf(key);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _slotMask;
            }

            _slots[slot] = Fingerprint(key) | value;
        }
    }

    public static Gazetteer Empty { get; } = new([]);

    /// <summary>Entries in key order: the form they are saved in.</summary>
    public IReadOnlyList<KeyValuePair<ulong, byte>> Entries { get; }

    /// <summary>Whole names (phrase keys that carry a type).</summary>
    public int NameCount => Entries.Count(e => (e.Value & TypeMask) != 0 && (e.Value & WordKeyFlag) == 0);

    /// <summary>Distinct words seen in the training text.</summary>
    public int WordCount => Entries.Count(e => (e.Value & WordKeyFlag) != 0);

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

    /// <summary>The key under which a single word's name types are kept (a namespace apart from phrases).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WordKey(ulong wordHash) => FeatureHash.Combine(WordSeed, wordHash) | 1UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Lookup(ulong key)
    {
        var fingerprint = Fingerprint(key);
        var slot = SlotOf(key);
        while (true)
        {
            var found = _slots[slot];
            if ((found & 0xFFFFFF00u) == fingerprint)
            {
                return (byte)found;
            }

            if (found == 0)
            {
                return 0;
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong key) => (int)(key >> _slotShift);

    /// <summary>Low 24 bits of the key (the slot uses the high ones) shifted above the value byte; never zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong key) => ((uint)key << 8) | 0x100u;

    /// <summary>
    /// Sets <see cref="TokenInfo.WordTypes"/> from the word keys, and <see cref="TokenInfo.Gazetteer"/> by greedy longest match from left to right. A match must start
    /// at a token that is not all lower case, so common words that were once part of a name do not fire.
    /// </summary>
    public void Mark(Span<TokenInfo> tokens)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            tokens[t].WordTypes = Lookup(WordKey(tokens[t].Word));
        }

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
