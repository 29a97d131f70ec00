using Pipeline.Ner.Conll;
using Pipeline.Ner.Features;

namespace Pipeline.Ner.Tests;

public class FeatureExtractionTests
{
    private const int HashBits = 16;

    [Theory]
    [InlineData("Surabaya", nameof(CapitalisationClass.Title))]
    [InlineData("banjir", nameof(CapitalisationClass.Lower))]
    [InlineData("KPK", nameof(CapitalisationClass.AllCaps))]
    [InlineData("A", nameof(CapitalisationClass.SingleCapital))]
    [InlineData("McDonald", nameof(CapitalisationClass.MixedCase))]
    [InlineData("2024", nameof(CapitalisationClass.HasDigit))]
    [InlineData(",", nameof(CapitalisationClass.Punctuation))]
    public void Classifies_capitalisation(string token, string expected)
    {
        var info = Analyze(token);

        Assert.Equal(Enum.Parse<CapitalisationClass>(expected), info.Capitalisation);
    }

    [Fact]
    public void Word_hash_ignores_case_but_shape_does_not()
    {
        var title = Analyze("Semarang");
        var lower = Analyze("semarang");
        var otherName = Analyze("Sukabumi");

        Assert.Equal(title.Word, lower.Word);
        Assert.NotEqual(title.Shape, lower.Shape);
        Assert.Equal(title.Shape, otherName.Shape);
        Assert.NotEqual(title.Word, otherName.Word);
    }

    [Fact]
    public void Affixes_are_shared_by_words_with_the_same_ending_and_beginning()
    {
        var a = Analyze("dibangunkan");
        var b = Analyze("Ditanamkan");

        Assert.Equal(a.Suffix3, b.Suffix3);
        Assert.Equal(a.Prefix2, b.Prefix2);
        Assert.NotEqual(a.Suffix4, b.Suffix4);
    }

    [Theory]
    [InlineData("Gubernur", nameof(CueClass.PersonTitle))]
    [InlineData("Kabupaten", nameof(CueClass.LocationHead))]
    [InlineData("PT", nameof(CueClass.OrganizationHead))]
    [InlineData("ujarnya", nameof(CueClass.Speech))]
    [InlineData("di", nameof(CueClass.PlacePreposition))]
    [InlineData("kemarin", nameof(CueClass.None))]
    public void Recognises_indonesian_cue_words(string token, string expected)
    {
        Assert.Equal(Enum.Parse<CueClass>(expected), Analyze(token).Cue);
    }

    [Fact]
    public void Every_token_gets_the_same_number_of_rows_inside_the_table()
    {
        var tokens = Fixtures.Tokens("Presiden Rina Wulandari tiba di Jakarta .");
        var rows = ExtractRows(tokens, Gazetteer.Empty);

        Assert.Equal(tokens.Length * FeatureExtractor.FeaturesPerToken, rows.Length);
        Assert.All(rows, row => Assert.InRange(row, 0, (1 << HashBits) - 1));
    }

    [Fact]
    public void A_token_rows_depend_on_its_neighbours_only_through_context_templates()
    {
        var a = ExtractRows(Fixtures.Tokens("kata Budi kemarin"), Gazetteer.Empty);
        var b = ExtractRows(Fixtures.Tokens("ujar Budi kemarin"), Gazetteer.Empty);

        var budiA = a.AsSpan(FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken).ToArray();
        var budiB = b.AsSpan(FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken).ToArray();
        var shared = budiA.Intersect(budiB).Count();

        // The word's own, shape, affix, bias and right-context rows are shared; left-context rows differ.
        Assert.InRange(shared, 15, FeatureExtractor.FeaturesPerToken - 4);
    }

    [Fact]
    public void Gazetteer_marks_the_longest_capitalised_match()
    {
        var builder = new GazetteerBuilder();
        builder.Add(new LabeledSentence(["Jawa"], [EntityLabels.Begin(2)]));
        builder.Add(new LabeledSentence(["Jawa", "Barat"], [EntityLabels.Begin(2), EntityLabels.Inside(2)]));
        builder.Add(new LabeledSentence(["Bank", "Jawa", "Barat"], [EntityLabels.Begin(1), EntityLabels.Inside(1), EntityLabels.Inside(1)]));
        var gazetteer = builder.Build();

        var infos = AnalyzeAll(Fixtures.Tokens("banjir di Jawa Barat dan bank Jawa"), gazetteer);

        const byte location = 1 << 2;
        Assert.Equal(0, infos[1].Gazetteer);
        Assert.Equal(location | Gazetteer.BeginFlag | Gazetteer.MultiTokenFlag, infos[2].Gazetteer);
        Assert.Equal(location | Gazetteer.MultiTokenFlag, infos[3].Gazetteer);
        // Lower-case "bank" does not start the organisation, so "Jawa" alone matches as a place.
        Assert.Equal(0, infos[5].Gazetteer);
        Assert.Equal(location | Gazetteer.BeginFlag, infos[6].Gazetteer);
    }

    private static TokenInfo Analyze(string token)
    {
        var info = default(TokenInfo);
        TokenAnalyzer.Analyze(token, ref info);
        return info;
    }

    private static TokenInfo[] AnalyzeAll(string[] tokens, Gazetteer gazetteer)
    {
        var infos = new TokenInfo[tokens.Length];
        FeatureExtractor.AnalyzeTokens(tokens, infos, gazetteer);
        return infos;
    }

    private static int[] ExtractRows(string[] tokens, Gazetteer gazetteer)
    {
        var rows = new int[tokens.Length * FeatureExtractor.FeaturesPerToken];
        FeatureExtractor.Extract(AnalyzeAll(tokens, gazetteer), rows, HashBits);
        return rows;
    }
}
