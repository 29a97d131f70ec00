namespace Pipeline.Ner.Model;

/// <summary>
/// Layout of a saved model (all numbers little-endian):
/// <code>
/// "PNER"                          magic, 4 bytes
/// uint16 FormatVersion            this layout
/// uint16 FeatureSchemaVersion     meaning of the hashed feature rows (FeatureExtractor, FeatureHash, cues)
/// byte   hashBits                 the emission table has 2^hashBits rows
/// byte   labelCount, rowWidth     7 labels, rows padded to 8
/// byte   reserved (0)
/// float  scale                    quantised weight = round(weight * scale); kept for inspection
/// int32  epochs, int32 sentences  how the model was trained
/// int16  transitions[(labels + 1) * rowWidth]  (same scale as emission)
/// int8   emission[2^hashBits * rowWidth]  (scaled so the largest emission weight is 127)
/// int32  gazetteerCount, then gazetteerCount * (uint64 key, byte value) in key order
/// "END!"                          trailer, catches truncated files
/// </code>
/// </summary>
public static class NerModelFormat
{
    public const ushort FormatVersion = 2;

    public const ushort FeatureSchemaVersion = 1;

    internal static ReadOnlySpan<byte> Magic => "PNER"u8;

    internal static ReadOnlySpan<byte> Trailer => "END!"u8;

    internal const int MinHashBits = 10;

    internal const int MaxHashBits = 24;
}
