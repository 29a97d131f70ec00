using Pipeline.Ner.Model;

namespace Pipeline.Ner.Tests;

/// <summary>The model in src/Pipeline.Ner/Models/id-ner.bin, on sentences written for these tests.</summary>
public class ShippedModelTests
{
    private static readonly Lazy<PerceptronTagger> Tagger = new(() => new PerceptronTagger(NerModel.LoadShipped()));

    [Theory]
    [InlineData("Gubernur Made Wirawan bertemu pengurus Universitas Udayana di Denpasar pada Selasa .",
        new[] { "Person:Made Wirawan", "Organization:Universitas Udayana", "Location:Denpasar" })]
    [InlineData("Menteri Keuangan Sri Mulyani mengatakan Bank Indonesia akan menahan suku bunga .",
        new[] { "Person:Sri Mulyani", "Organization:Bank Indonesia" })]
    [InlineData("\" Kami akan memperbaiki jalan itu tahun depan , \" kata Bupati Rahmat Hidayat di Sleman .",
        new[] { "Person:Rahmat Hidayat", "Location:Sleman" })]
    [InlineData("Presiden Joko Widodo terbang dari Jakarta ke Makassar untuk meninjau pelabuhan .",
        new[] { "Person:Joko Widodo", "Location:Jakarta", "Location:Makassar" })]
    public void Tags_hand_written_sentences_sensibly(string sentence, string[] expected)
    {
        var tokens = Fixtures.Tokens(sentence);

        var found = Fixtures.Describe(tokens, Tagger.Value.Tag(tokens));

        Assert.Equal(expected, found);
    }

    [Fact]
    public void Tokens_given_as_positions_in_a_text_are_tagged_as_the_same_tokens_given_as_strings()
    {
        var sentences = Fixtures.AllSentences();
        Assert.NotEmpty(sentences);
        var taggedSomething = false;
        foreach (var sentence in sentences)
        {
            // Odd spacing and a prefix, so positions are not simply the token index times a width.
            var text = new System.Text.StringBuilder("  ");
            var positions = new List<TokenSpan>();
            foreach (var token in sentence.Tokens)
            {
                positions.Add(new TokenSpan(text.Length, token.Length));
                text.Append(token).Append(positions.Count % 3 == 0 ? "   " : " ");
            }
            var found = new List<TaggedSpan>();

            Tagger.Value.Tag(text.ToString(), positions.ToArray(), found);

            var expected = Tagger.Value.Tag(sentence.Tokens);
            Assert.Equal(expected, found);
            taggedSomething |= found.Count > 0;
        }
        Assert.True(taggedSomething);
    }

    [Fact]
    public void A_sentence_without_names_gives_no_entities()
    {
        var tokens = Fixtures.Tokens("harga beras naik lagi minggu ini karena panen terlambat .");

        Assert.Empty(Tagger.Value.Tag(tokens));
    }

    [Fact]
    public void Empty_input_gives_no_entities()
    {
        Assert.Empty(Tagger.Value.Tag([]));
    }

    [Fact]
    public void The_shipped_model_stays_small()
    {
        var resource = typeof(NerModel).Assembly.GetManifestResourceStream(NerModel.ShippedResourceName);

        Assert.NotNull(resource);
        Assert.InRange(resource.Length, 100_000, 4_000_000);
    }
}
