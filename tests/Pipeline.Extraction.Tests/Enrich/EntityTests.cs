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
        var tagger = new FakeTagger(EntityTypes.Organization, "Gedung", "Sate");
        var article = ExtractWith(tagger, Text);
        Assert.True(tagger.Calls > 0);
        var building = Assert.Single(article.Entities, e => e.Name == "Gedung Sate");
        Assert.Equal(EntityTypes.Organization, building.Type);
        // The rules still contribute the gazetteer names the tagger did not find.
        Assert.Contains(article.Entities, e => e is { Name: "Jawa Barat", Type: EntityTypes.Location });
    }

    [Fact]
    public void The_tagger_sees_punctuation_as_tokens_like_its_training_data()
    {
        var tagger = new FakeTagger(EntityTypes.Person, "(", "Jokowi");
        ExtractWith(tagger, "Judul\nPresiden Joko Widodo (Jokowi), kata dia.");
        Assert.Contains(tagger.Seen, s => s.SequenceEqual(["Presiden", "Joko", "Widodo", "(", "Jokowi", ")", ",", "kata", "dia", "."]));
    }

    [Fact]
    public void A_tagged_span_keeps_only_the_name_inside_brackets()
    {
        var tagger = new FakeTagger(EntityTypes.Person, "(", "Jokowi");
        var article = ExtractWith(tagger, "Judul\nPresiden Joko Widodo (Jokowi), kata dia.");
        var jokowi = Assert.Single(article.Entities, e => e.Name == "Jokowi");
        Assert.Equal("Jokowi", Assert.Single(jokowi.Mentions).Text);
    }

    [Fact]
    public void Rules_neither_override_nor_cut_into_a_tagged_name()
    {
        var tagger = new FakeTagger(EntityTypes.Organization, "Bursa", "Efek", "Indonesia");
        var article = ExtractWith(tagger, "Judul\nSaham naik di Bursa Efek Indonesia kemarin sore.");
        Assert.Contains(article.Entities, e => e is { Name: "Bursa Efek Indonesia", Type: EntityTypes.Organization });
        Assert.DoesNotContain(article.Entities, e => e.Name == "Indonesia");
    }

    [Fact]
    public void With_a_tagger_capitalised_runs_the_tagger_left_out_are_not_guessed_into_names()
    {
        var article = ExtractWith(new FakeTagger(EntityTypes.Person, "Tidak", "Ada"), "Judul\nAcara itu dibuka oleh Bahan Bakar Minyak Nasional di Surabaya.");
        Assert.DoesNotContain(article.Entities, e => e.Name.Contains("Bahan", StringComparison.Ordinal));
        Assert.Contains(article.Entities, e => e is { Name: "Surabaya", Type: EntityTypes.Location });
    }

    private static Article ExtractWith(IEntityTagger tagger, string text)
    {
        var extractor = new ArticleExtractor(new ExtractionOptions(), tagger);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return extractor.Extract(new ExtractionInput(new SourceFile("a.txt", "0", "text/plain", bytes.Length), bytes, Extract.DefaultReference));
    }

    [Fact]
    public void A_known_name_around_a_tagged_fragment_replaces_it()
    {
        var article = ExtractWith(new FakeTagger(EntityTypes.Location, "Amerika"), "Judul\nPresiden Amerika Serikat tiba kemarin.");
        Assert.Contains(article.Entities, e => e is { Name: "Amerika Serikat", Type: EntityTypes.Location });
        Assert.DoesNotContain(article.Entities, e => e.Name == "Amerika");
    }

    [Fact]
    public void An_exact_known_name_keeps_its_known_type()
    {
        var article = ExtractWith(new FakeTagger(EntityTypes.Location, "Anadolu"), "Judul\nBerita itu dilansir dari Anadolu kemarin.");
        Assert.Contains(article.Entities, e => e is { Name: "Anadolu", Type: EntityTypes.Organization });
    }

    [Fact]
    public void Two_known_names_joined_by_a_hyphen_are_two_mentions()
    {
        var article = ExtractWith(new FakeTagger(EntityTypes.Organization, "NATO-Ukraina"), "Judul\nDewan NATO-Ukraina bertemu kemarin.");
        Assert.Contains(article.Entities, e => e is { Name: "NATO", Type: EntityTypes.Organization });
        Assert.Contains(article.Entities, e => e is { Name: "Ukraina", Type: EntityTypes.Location });
        Assert.DoesNotContain(article.Entities, e => e.Name == "NATO-Ukraina");
    }

    [Fact]
    public void A_known_place_heading_a_person_span_is_cut_off()
    {
        var article = ExtractWith(new FakeTagger(EntityTypes.Person, "Hongaria", "Viktor", "Orban"), "Judul\nPerdana Menteri Hongaria Viktor Orban menolak usul itu.");
        Assert.Contains(article.Entities, e => e is { Name: "Hongaria", Type: EntityTypes.Location });
        Assert.Contains(article.Entities, e => e is { Name: "Viktor Orban", Type: EntityTypes.Person });
    }

    [Fact]
    public void Surnames_the_tagger_missed_or_mistyped_join_the_person_it_named_in_full()
    {
        // Finds the full name, misses the surname opening a sentence and calls it a place after "kata".
        var tagger = new FuncTagger(tokens =>
        {
            var spans = new List<TaggedSpan>();
            for (var i = 1; i < tokens.Count; i++)
            {
                if (tokens[i] == "Stoltenberg" && tokens[i - 1] == "Jens")
                    spans.Add(new TaggedSpan(i - 1, 2, EntityTypes.Person));
                else if (tokens[i] == "Stoltenberg" && tokens[i - 1] == "kata")
                    spans.Add(new TaggedSpan(i, 1, EntityTypes.Location));
            }
            return spans;
        });
        var article = ExtractWith(tagger, "Judul\nSekjen Jens Stoltenberg tiba. Stoltenberg mengatakan hal itu. Hal itu kata Stoltenberg dilansir media.");
        var person = Assert.Single(article.Entities, e => e.Name == "Jens Stoltenberg");
        Assert.Equal(EntityTypes.Person, person.Type);
        Assert.Equal(["Jens Stoltenberg", "Stoltenberg", "Stoltenberg"], person.Mentions.Select(m => m.Text));
    }

    /// <summary>Tags one fixed run of tokens as an organisation, wherever it occurs, and remembers what it was given.</summary>
    private sealed class FakeTagger(string type, params string[] name) : IEntityTagger
    {
        public int Calls { get; private set; }

        public List<string[]> Seen { get; } = [];

        public IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens)
        {
            Calls++;
            Seen.Add([.. tokens]);
            var spans = new List<TaggedSpan>();
            for (var i = 0; i + name.Length <= tokens.Count; i++)
            {
                if (tokens.Skip(i).Take(name.Length).SequenceEqual(name))
                    spans.Add(new TaggedSpan(i, name.Length, type));
            }
            return spans;
        }
    }

    private sealed class FuncTagger(Func<IReadOnlyList<string>, IReadOnlyList<TaggedSpan>> tag) : IEntityTagger
    {
        public IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens) => tag(tokens);
    }
}
