using Pipeline.Contracts;
using Pipeline.Ner;

namespace Pipeline.Extraction.Tests.Enrich;

public sealed class EntityTests
{
    private const string Text = "Judul\nKetua KPU Kota Bandung Wahyu Hidayat bertemu Gubernur Jawa Barat di Gedung Sate bersama perwakilan Kementerian Dalam Negeri.";

    [Fact]
    public void Titles_organisations_and_places_split_a_run_of_capitalised_words()
    {
        var article = Extract.Text(Text);
        Assert.Contains(article.Entities, e => e is { Name: "Wahyu Hidayat", Type: EntityTypes.Person });
        Assert.Contains(article.Entities, e => e is { Name: "KPU", Type: EntityTypes.Organization });
        Assert.Contains(article.Entities, e => e is { Name: "Kota Bandung", Type: EntityTypes.Location });
        Assert.Contains(article.Entities, e => e is { Name: "Jawa Barat", Type: EntityTypes.Location });
        Assert.Contains(article.Entities, e => e is { Name: "Kementerian Dalam Negeri", Type: EntityTypes.Organization });
    }

    [Fact]
    public void Sentence_initial_common_words_are_not_entities()
    {
        var article = Extract.Text("Judul\nKesepakatan itu diteken kemarin. Pertemuan berikutnya belum dijadwalkan.");
        Assert.Empty(article.Entities);
    }

    [Fact]
    public void A_registered_tagger_is_used_and_merged_with_the_rules()
    {
        var tagger = new FakeTagger("Gedung", "Sate");
        var extractor = new ArticleExtractor(new ExtractionOptions(), tagger);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Text);
        var article = extractor.Extract(new ExtractionInput(new SourceFile("a.txt", "0", "text/plain", bytes.Length), bytes, Extract.DefaultReference));
        Assert.True(tagger.Calls > 0);
        var building = Assert.Single(article.Entities, e => e.Name == "Gedung Sate");
        Assert.Equal(EntityTypes.Organization, building.Type);
        // The rules still contribute what the tagger did not find.
        Assert.Contains(article.Entities, e => e.Name == "Wahyu Hidayat");
    }

    /// <summary>Tags one fixed two-token name as an organisation, wherever it occurs.</summary>
    private sealed class FakeTagger(string first, string second) : IEntityTagger
    {
        public int Calls { get; private set; }

        public IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens)
        {
            Calls++;
            var spans = new List<TaggedSpan>();
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (tokens[i] == first && tokens[i + 1] == second)
                    spans.Add(new TaggedSpan(i, 2, EntityTypes.Organization));
            }
            return spans;
        }
    }
}
