namespace Pipeline.Ner.Training;

/// <summary>Settings of one training run. The defaults are the ones the shipped model was built with.</summary>
public sealed record TrainOptions
{
    /// <summary>Passes over the training sentences.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>log2 of the number of hashed weight rows (each row 16 bytes): 17 gives a 2 MB table.</summary>
    public int HashBits { get; init; } = 17;

    /// <summary>Seed of the sentence order in each epoch; the same seed and data give the same model bytes.</summary>
    public ulong Seed { get; init; } = 20240614;

    /// <summary>
    /// The training gazetteer of a sentence is built from the other folds only, so the model learns how far
    /// to trust a gazetteer hit on names it has not seen, as at tagging time.
    /// </summary>
    public int GazetteerFolds { get; init; } = 5;

    internal void Validate()
    {
        if (Epochs is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be between 1 and 1000.");
        }

        if (HashBits is < Model.NerModelFormat.MinHashBits or > Model.NerModelFormat.MaxHashBits)
        {
            throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "Hash bits must be between 10 and 24.");
        }

        if (GazetteerFolds is < 2 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(GazetteerFolds), GazetteerFolds, "Gazetteer folds must be between 2 and 100.");
        }
    }
}

/// <summary>Progress after one epoch: how many sentences the current weights still got wrong.</summary>
public readonly record struct EpochReport(int Epoch, int SentencesWrong, int Sentences);
