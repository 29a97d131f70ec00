using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Pipeline.Ner.Features;

namespace Pipeline.Ner.Model;

/// <summary>
/// A trained tagger's parameters: quantised weights over hashed features, BIO transition scores and the
/// training gazetteer. Immutable once built or loaded; share one instance per process.
/// </summary>
public sealed class NerModel
{
    /// <summary>Name of the model embedded in this assembly (src/Pipeline.Ner/Models/id-ner.bin).</summary>
    public const string ShippedResourceName = "Pipeline.Ner.Models.id-ner.bin";

    internal NerModel(
        int hashBits, float scale, int epochs, int trainingSentences, short[] transitions, sbyte[] emission,
        Gazetteer gazetteer)
    {
        if (hashBits is < NerModelFormat.MinHashBits or > NerModelFormat.MaxHashBits)
        {
            throw new ArgumentOutOfRangeException(nameof(hashBits), hashBits, "Hash bits must be between 10 and 24.");
        }

        HashBits = hashBits;
        Scale = scale;
        Epochs = epochs;
        TrainingSentences = trainingSentences;
        Transitions = transitions;
        TransitionScores = Array.ConvertAll(transitions, t => (int)t);
        if (emission.Length != (1 << hashBits) * EntityLabels.RowWidth)
        {
            throw new ArgumentException("The emission table must hold 2^hashBits rows.", nameof(emission));
        }

        // The scorer loads 16 bytes per 8-byte row; one row of padding keeps the last row's load inside the array.
        PaddedEmission = new sbyte[emission.Length + EntityLabels.RowWidth];
        emission.CopyTo(PaddedEmission, 0);
        Gazetteer = gazetteer;
    }

    public int HashBits { get; }

    public float Scale { get; }

    public int Epochs { get; }

    public int TrainingSentences { get; }

    public int GazetteerNames => Gazetteer.NameCount;

    public int GazetteerWords => Gazetteer.WordCount;

    internal short[] Transitions { get; }

    internal int[] TransitionScores { get; }

    /// <summary>2^HashBits rows of RowWidth weights, then one row of zeros.</summary>
    internal sbyte[] PaddedEmission { get; }

    internal Gazetteer Gazetteer { get; }

    public static NerModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"NER model file not found: {path}", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The model shipped inside this assembly.</summary>
    public static NerModel LoadShipped()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException(
                $"The assembly carries no embedded NER model '{ShippedResourceName}'; rebuild it with train-ner.");
        return Load(stream);
    }

    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            return Read(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The NER model file is truncated.", e);
        }
    }

    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Write beside the target and rename, so a reader never sees half a model.
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Save(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(NerModelFormat.Magic);
        writer.Write(NerModelFormat.FormatVersion);
        writer.Write(NerModelFormat.FeatureSchemaVersion);
        writer.Write((byte)HashBits);
        writer.Write((byte)EntityLabels.Count);
        writer.Write((byte)EntityLabels.RowWidth);
        writer.Write((byte)0);
        writer.Write(Scale);
        writer.Write(Epochs);
        writer.Write(TrainingSentences);
        WriteShorts(writer, Transitions);
        writer.Write(MemoryMarshal.AsBytes(PaddedEmission.AsSpan(0, PaddedEmission.Length - EntityLabels.RowWidth)));
        var entries = Gazetteer.Entries;
        writer.Write(entries.Count);
        foreach (var (key, value) in entries)
        {
            writer.Write(key);
            writer.Write(value);
        }

        writer.Write(NerModelFormat.Trailer);
    }

    private static NerModel Read(BinaryReader reader)
    {
        Span<byte> four = stackalloc byte[4];
        reader.BaseStream.ReadExactly(four);
        if (!four.SequenceEqual(NerModelFormat.Magic))
        {
            throw new InvalidDataException("Not a Pipeline NER model: the file does not start with \"PNER\".");
        }

        var format = reader.ReadUInt16();
        if (format != NerModelFormat.FormatVersion)
        {
            throw new InvalidDataException(
                $"NER model format version {format} is not supported (this build reads version {NerModelFormat.FormatVersion}); retrain the model.");
        }

        var schema = reader.ReadUInt16();
        if (schema != NerModelFormat.FeatureSchemaVersion)
        {
            throw new InvalidDataException(
                $"NER model was trained with feature schema {schema}, this build computes schema {NerModelFormat.FeatureSchemaVersion}; retrain the model.");
        }

        var hashBits = reader.ReadByte();
        var labelCount = reader.ReadByte();
        var rowWidth = reader.ReadByte();
        reader.ReadByte();
        if (labelCount != EntityLabels.Count || rowWidth != EntityLabels.RowWidth
            || hashBits is < NerModelFormat.MinHashBits or > NerModelFormat.MaxHashBits)
        {
            throw new InvalidDataException(
                $"NER model header is inconsistent (hash bits {hashBits}, labels {labelCount}, row width {rowWidth}).");
        }

        var scale = reader.ReadSingle();
        var epochs = reader.ReadInt32();
        var sentences = reader.ReadInt32();
        var transitions = ReadShorts(reader, Viterbi.TransitionTableSize);
        var emission = new sbyte[(1 << hashBits) * EntityLabels.RowWidth];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(emission.AsSpan()));
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"NER model gazetteer size {count} is negative.");
        }

        var entries = new KeyValuePair<ulong, byte>[count];
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            entries[i] = new(key, reader.ReadByte());
        }

        reader.BaseStream.ReadExactly(four);
        if (!four.SequenceEqual(NerModelFormat.Trailer))
        {
            throw new InvalidDataException("NER model file does not end with its trailer; it is damaged.");
        }

        return new NerModel(hashBits, scale, epochs, sentences, transitions, emission, Gazetteer.FromEntries(entries));
    }

    private static void WriteShorts(BinaryWriter writer, short[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static short[] ReadShorts(BinaryReader reader, int count)
    {
        var values = new short[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }

        return values;
    }
}
