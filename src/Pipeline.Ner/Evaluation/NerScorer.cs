using System.Globalization;
using System.Text;
using Pipeline.Ner.Conll;

namespace Pipeline.Ner.Evaluation;

/// <summary>
/// Scores a tagger the way the project's ner_score.py scores the whole extractor: sentences are grouped
/// into documents of 20, and each document's multiset of (mention text, type) is compared with the gold
/// one; mention texts are the tokens joined with the script's spacing rules, case-folded. Micro P/R/F1.
/// Tagging here uses the gold tokenisation, so this measures the tagger alone.
/// </summary>
public static class NerScorer
{
    public const int DefaultSentencesPerDocument = 20;

    private const string NoSpaceBefore = ",.;:!?)]}%'\"";
    private const string NoSpaceAfter = "([{";

    public static NerScore Score(
        IEntityTagger tagger, IReadOnlyList<LabeledSentence> sentences, int sentencesPerDocument = DefaultSentencesPerDocument)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(sentencesPerDocument, 1);

        var counts = new Dictionary<string, int[]>
        {
            [EntityLabels.Person] = new int[3],
            [EntityLabels.Location] = new int[3],
            [EntityLabels.Organization] = new int[3],
        };
        var documents = 0;
        for (var first = 0; first < sentences.Count; first += sentencesPerDocument)
        {
            documents++;
            var gold = new Dictionary<(string Text, string Type), int>();
            var predicted = new Dictionary<(string Text, string Type), int>();
            var last = Math.Min(sentences.Count, first + sentencesPerDocument);
            for (var s = first; s < last; s++)
            {
                var sentence = sentences[s];
                var goldSpans = new List<TaggedSpan>();
                PerceptronTagger.AddSpans(sentence.Labels, goldSpans);
                AddMentions(gold, sentence.Tokens, goldSpans);
                AddMentions(predicted, sentence.Tokens, tagger.Tag(sentence.Tokens));
            }

            foreach (var key in gold.Keys.Union(predicted.Keys))
            {
                var g = gold.GetValueOrDefault(key);
                var p = predicted.GetValueOrDefault(key);
                var c = counts[key.Type];
                c[0] += Math.Min(g, p);
                c[1] += Math.Max(0, p - g);
                c[2] += Math.Max(0, g - p);
            }
        }

        var byType = counts.ToDictionary(c => c.Key, c => new NerCounts(c.Value[0], c.Value[1], c.Value[2]));
        var overall = new NerCounts(
            byType.Values.Sum(c => c.TruePositives),
            byType.Values.Sum(c => c.FalsePositives),
            byType.Values.Sum(c => c.FalseNegatives));
        return new NerScore(documents, overall, byType);
    }

    /// <summary>Joins tokens as the scorer writes sentences: no space before closing punctuation or after opening brackets.</summary>
    public static string Detokenize(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            var glue = text.Length == 0
                || (token.Length == 1 && NoSpaceBefore.Contains(token[0], StringComparison.Ordinal))
                || NoSpaceAfter.Contains(text[^1], StringComparison.Ordinal);
            if (!glue)
            {
                text.Append(' ');
            }

            text.Append(token);
        }

        return text.ToString();
    }

    private static void AddMentions(
        Dictionary<(string Text, string Type), int> mentions, string[] tokens, IEnumerable<TaggedSpan> spans)
    {
        foreach (var span in spans)
        {
            var text = Normalise(Detokenize(tokens.Skip(span.StartToken).Take(span.TokenCount)));
            var key = (text, span.Type);
            mentions[key] = mentions.GetValueOrDefault(key) + 1;
        }
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);
}
