using Pipeline.Ner.Conll;

namespace Pipeline.Ner.Tests;

public class ConllReaderTests
{
    [Fact]
    public void Reads_the_space_separated_dialect_with_a_pos_column()
    {
        var sentences = ConllReader.ReadFile(Fixtures.IdnerStyle);

        Assert.Equal(10, sentences.Count);
        var first = sentences[0];
        Assert.Equal(["Gubernur", "Andi", "Saputra", "meresmikan", "jembatan", "baru", "di", "Kota", "Sumberjaya", "."], first.Tokens);
        Assert.Equal(
            [0, EntityLabels.Begin(0), EntityLabels.Inside(0), 0, 0, 0, 0, EntityLabels.Begin(2), EntityLabels.Inside(2), 0],
            first.Labels);
    }

    [Fact]
    public void Reads_the_tab_separated_dialect_and_maps_its_type_names()
    {
        var sentences = ConllReader.ReadFile(Fixtures.NergritStyle);

        Assert.Equal(8, sentences.Count);
        var second = sentences[1];
        Assert.Equal("Komisi", second.Tokens[0]);
        Assert.Equal(EntityLabels.Begin(1), second.Labels[0]);
        Assert.Equal(EntityLabels.Inside(1), second.Labels[2]);
        Assert.Equal(EntityLabels.Begin(2), second.Labels[^2]);
    }

    [Fact]
    public void An_inside_tag_that_continues_nothing_starts_an_entity()
    {
        var text = "Kota\tI-PLACE\nbaru\tO\nAndi\tI-PER\nBudi\tI-PER\nBandung\tI-LOC\n";

        var sentence = Assert.Single(ConllReader.Read(new StringReader(text), "inline"));

        Assert.Equal(
            [EntityLabels.Begin(2), 0, EntityLabels.Begin(0), EntityLabels.Inside(0), EntityLabels.Begin(2)],
            sentence.Labels);
    }

    [Fact]
    public void Unknown_entity_types_are_read_as_outside()
    {
        var sentence = Assert.Single(ConllReader.Read(new StringReader("Senin B-DATE\npagi I-DATE\n"), "inline"));

        Assert.Equal([0, 0], sentence.Labels);
    }

    [Fact]
    public void A_malformed_tag_is_reported_with_file_and_line()
    {
        var text = "Andi B-PER\n\nBudi X-PER\n";

        var error = Assert.Throws<ConllFormatException>(() => ConllReader.Read(new StringReader(text), "mine.txt"));

        Assert.Contains("mine.txt:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("X-PER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.txt");

        var error = Assert.Throws<FileNotFoundException>(() => ConllReader.ReadFile(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
