namespace Pipeline.Ner.Features;

/// <summary>Everything the feature templates need to know about one token, computed once per token.</summary>
internal struct TokenInfo
{
    public ulong Word;
    public ulong Shape;
    public ulong ShortShape;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Prefix3;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public CapitalisationClass Capitalisation;
    public CueClass Cue;
    public byte Gazetteer;
    public byte LengthBucket;
}

/// <summary>Coarse spelling classes; the first letter's case is the strongest single cue for names.</summary>
internal enum CapitalisationClass : byte
{
    Padding = 0,
    Lower,
    Title,
    AllCaps,
    SingleCapital,
    MixedCase,
    HasDigit,
    Punctuation,
    Other,
}
