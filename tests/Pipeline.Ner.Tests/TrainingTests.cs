using Pipeline.Ner.Model;
using Pipeline.Ner.Training;

namespace Pipeline.Ner.Tests;

public class TrainingTests
{
    [Fact]
    public void Training_twice_gives_identical_model_bytes()
    {
        var first = Bytes(NerTrainer.TrainFromConllFiles(Fixtures.TrainingFiles, Fixtures.SmallOptions));
        var second = Bytes(NerTrainer.TrainFromConllFiles(Fixtures.TrainingFiles, Fixtures.SmallOptions));

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_seed_changes_the_model()
    {
        var first = Bytes(NerTrainer.TrainFromConllFiles(Fixtures.TrainingFiles, Fixtures.SmallOptions));
        var reseeded = Bytes(NerTrainer.TrainFromConllFiles(Fixtures.TrainingFiles, Fixtures.SmallOptions with { Seed = 7 }));

        Assert.NotEqual(first, reseeded);
    }

    [Fact]
    public void The_model_records_how_it_was_trained()
    {
        var model = Fixtures.SmallModel;

        Assert.Equal(14, model.HashBits);
        Assert.Equal(8, model.Epochs);
        Assert.Equal(18, model.TrainingSentences);
        // 18 sentences hold 40 names; Bandung appears only inside a longer one.
        Assert.InRange(model.GazetteerNames, 35, 40);
    }

    [Fact]
    public void A_trained_model_reproduces_its_training_sentences()
    {
        var tagger = new PerceptronTagger(Fixtures.SmallModel);

        foreach (var sentence in Fixtures.AllSentences())
        {
            var expected = new List<TaggedSpan>();
            PerceptronTagger.AddSpans(sentence.Labels, expected);

            Assert.Equal(expected, tagger.Tag(sentence.Tokens));
        }
    }

    [Fact]
    public void A_model_from_the_fixture_generalises_to_new_names_behind_known_cues()
    {
        var tagger = new PerceptronTagger(Fixtures.SmallModel);
        var tokens = Fixtures.Tokens("Gubernur Wahyu Kurniawan meresmikan pasar di Kota Tanjungsari .");

        var found = Fixtures.Describe(tokens, tagger.Tag(tokens));

        Assert.Equal(["Person:Wahyu Kurniawan", "Location:Kota Tanjungsari"], found);
    }

    [Fact]
    public void Training_rejects_bad_options_with_a_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => NerTrainer.TrainFromConllFiles(Fixtures.TrainingFiles, new TrainOptions { Epochs = 0 }));

        Assert.Contains("Epochs", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
