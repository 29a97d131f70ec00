namespace Pipeline.Ner.Features;

/// <summary>Computes a token's hashes and classes in two passes over its characters, without allocating.</summary>
internal static class TokenAnalyzer
{
    /// <summary>Hashes that stand for the positions before the first and after the last token.</summary>
    public static readonly TokenInfo BeginPadding = Padding(0xB05B05B05UL);
    public static readonly TokenInfo EndPadding = Padding(0xE05E05E05UL);

    public static void Analyze(ReadOnlySpan<char> span, ref TokenInfo info)
    {
        var word = FeatureHash.Start;
        var shape = FeatureHash.Start;
        var shortShape = FeatureHash.Start;
        char last = '\0', beforeLast = '\0';
        int upper = 0, lower = 0, digits = 0, letters = 0;
        var firstUpper = false;
        var laterUpper = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            var lowered = FeatureHash.Lower(c);
            word = FeatureHash.Add(word, lowered);
            var kind = Kind(c);
            if (kind == 'd')
            {
                digits++;
            }
            else if (kind == 'X')
            {
                upper++;
                letters++;
                firstUpper |= i == 0;
                laterUpper |= i > 0;
            }
            else if (kind == 'x')
            {
                lower++;
                letters++;
            }

            if (kind != last || kind != beforeLast)
            {
                shape = FeatureHash.Add(shape, kind);
            }

            if (kind != last)
            {
                shortShape = FeatureHash.Add(shortShape, kind);
            }

            beforeLast = last;
            last = kind;
        }

        info.Word = word;
        info.Shape = shape;
        info.ShortShape = shortShape;
        info.Prefix1 = Pack(span, 0, 1);
        info.Prefix2 = Pack(span, 0, 2);
        info.Prefix3 = Pack(span, 0, 3);
        info.Suffix1 = Pack(span, span.Length - 1, 1);
        info.Suffix2 = Pack(span, span.Length - 2, 2);
        info.Suffix3 = Pack(span, span.Length - 3, 3);
        info.Suffix4 = Pack(span, span.Length - 4, 4);
        info.Capitalisation = Classify(span.Length, upper, lower, digits, letters, firstUpper, laterUpper);
        info.LengthBucket = (byte)Math.Min(span.Length, 12);
        info.Cue = IndonesianCues.Classify(word);
        info.Gazetteer = 0;
        info.WordTypes = 0;
    }

    /// <summary>Shape class of a character: d digit, X upper-case letter, x other letter, else the character itself.</summary>
    private static char Kind(char c)
    {
        // ASCII by range checks; the general Unicode tests agree with these on ASCII.
        if (c < 128)
        {
            return (uint)(c - '0') <= 9 ? 'd'
                : (uint)(c - 'A') <= 25 ? 'X'
                : (uint)(c - 'a') <= 25 ? 'x'
                : c;
        }

        return char.IsDigit(c) ? 'd' : char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : c;
    }

    /// <summary>Up to four lower-cased characters packed 16 bits each: an affix is its own hash.</summary>
    private static ulong Pack(ReadOnlySpan<char> span, int start, int length)
    {
        if (start < 0)
        {
            length += start;
            start = 0;
        }

        ulong packed = 0;
        for (var i = 0; i < length && start + i < span.Length; i++)
        {
            packed = (packed << 16) | FeatureHash.Lower(span[start + i]);
        }

        return packed;
    }

    private static CapitalisationClass Classify(
        int length, int upper, int lower, int digits, int letters, bool firstUpper, bool laterUpper)
    {
        if (digits > 0)
        {
            return CapitalisationClass.HasDigit;
        }

        if (letters == 0)
        {
            return length > 0 ? CapitalisationClass.Punctuation : CapitalisationClass.Other;
        }

        if (upper == 0)
        {
            return CapitalisationClass.Lower;
        }

        if (lower == 0)
        {
            return upper == 1 ? CapitalisationClass.SingleCapital : CapitalisationClass.AllCaps;
        }

        return firstUpper && !laterUpper ? CapitalisationClass.Title : CapitalisationClass.MixedCase;
    }

    private static TokenInfo Padding(ulong seed) => new()
    {
        Word = seed,
        Shape = seed + 1,
        ShortShape = seed + 2,
        Prefix1 = seed + 3,
        Prefix2 = seed + 4,
        Prefix3 = seed + 5,
        Suffix1 = seed + 6,
        Suffix2 = seed + 7,
        Suffix3 = seed + 8,
        Suffix4 = seed + 9,
        Capitalisation = CapitalisationClass.Padding,
        Cue = CueClass.None,
    };
}
