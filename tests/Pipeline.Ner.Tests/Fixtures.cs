using Pipeline.Ner.Conll;
using Pipeline.Ner.Model;
using Pipeline.Ner.Training;

namespace Pipeline.Ner.Tests;

/// <summary>The hand-written training fixtures (one file per CoNLL dialect) and a model trained on them.</summary>
internal static class Fixtures
{
    public static string IdnerStyle => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fixture-idner.txt");

    public static string NergritStyle => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fixture-nergrit.txt");

    public static IReadOnlyList<string> TrainingFiles => [IdnerStyle, NergritStyle];

    /// <summary>Small and quick: the fixture holds 18 sentences.</summary>
    public static TrainOptions SmallOptions => new() { Epochs = 8, HashBits = 14, GazetteerFolds = 3 };

    private static readonly Lazy<NerModel> SmallModelLazy =
        new(() => NerTrainer.TrainFromConllFiles(TrainingFiles, SmallOptions));

    public static NerModel SmallModel => SmallModelLazy.Value;

    public static string[] Tokens(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<LabeledSentence> AllSentences() =>
        [.. ConllReader.ReadFile(IdnerStyle), .. ConllReader.ReadFile(NergritStyle)];

    /// <summary>Entity texts with their types, in sentence order, e.g. "Person:Andi Saputra".</summary>
    public static string[] Describe(IReadOnlyList<string> tokens, IEnumerable<TaggedSpan> spans) =>
        [.. spans.Select(s => $"{s.Type}:{string.Join(' ', tokens.Skip(s.StartToken).Take(s.TokenCount))}")];
}
