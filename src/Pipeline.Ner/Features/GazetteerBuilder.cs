using Pipeline.Ner.Conll;

namespace Pipeline.Ner.Features;

/// <summary>Collects the entity names of labelled sentences into a <see cref="Gazetteer"/>.</summary>
internal sealed class GazetteerBuilder
{
    private readonly Dictionary<ulong, byte> _entries = [];

    public void Add(LabeledSentence sentence)
    {
        var labels = sentence.Labels;
        var start = 0;
        while (start < labels.Length)
        {
            if (!EntityLabels.IsBegin(labels[start]))
            {
                start++;
                continue;
            }

            var end = start + 1;
            while (end < labels.Length && EntityLabels.IsInside(labels[end]))
            {
                end++;
            }

            if (end - start <= Gazetteer.MaxPhraseTokens)
            {
                AddName(sentence.Tokens.AsSpan(start, end - start), EntityLabels.TypeIndexOf(labels[start]));
            }

            start = end;
        }
    }

    public Gazetteer Build() => Gazetteer.FromEntries(_entries);

    private void AddName(ReadOnlySpan<string> tokens, int typeIndex)
    {
        var key = Gazetteer.PhraseStart;
        for (var i = 0; i < tokens.Length; i++)
        {
            key = Gazetteer.Extend(key, FeatureHash.LowerText(tokens[i]));
            var flag = i == tokens.Length - 1 ? (byte)(1 << typeIndex) : Gazetteer.PrefixFlag;
            _entries[key] = (byte)(_entries.GetValueOrDefault(key) | flag);
        }
    }
}
