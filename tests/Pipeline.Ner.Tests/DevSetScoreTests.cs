using Pipeline.Ner.Conll;
using Pipeline.Ner.Evaluation;
using Pipeline.Ner.Model;

namespace Pipeline.Ner.Tests;

/// <summary>Guards the shipped model's quality on the development splits the project may score on.</summary>
public class DevSetScoreTests
{
    private const string IdnerDev = "ner/idner-news-2k/dev.txt";
    private const string NergritValid = "ner/nergrit/valid_preprocess.txt";

    [EvalDataFact(IdnerDev)]
    public void Shipped_model_reaches_the_target_on_idner_dev()
    {
        var score = NerScorer.Score(new PerceptronTagger(NerModel.LoadShipped()), ConllReader.ReadFile(EvalData.PathOf(IdnerDev)));

        Assert.True(score.Overall.F1 >= 0.70, score.ToString());
    }

    [EvalDataFact(NergritValid)]
    public void Shipped_model_reaches_the_target_on_nergrit_valid()
    {
        var score = NerScorer.Score(new PerceptronTagger(NerModel.LoadShipped()), ConllReader.ReadFile(EvalData.PathOf(NergritValid)));

        Assert.True(score.Overall.F1 >= 0.70, score.ToString());
    }
}
