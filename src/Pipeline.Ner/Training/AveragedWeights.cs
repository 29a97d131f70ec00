namespace Pipeline.Ner.Training;

/// <summary>
/// Integer perceptron weights with the running sums needed for averaging (the "lazy" trick: each update
/// also adds step * delta to a second table, and the average is w - sum / steps). Integers keep training
/// exactly reproducible.
/// </summary>
internal sealed class AveragedWeights
{
    private readonly long[] _stepWeighted;

    public AveragedWeights(int size)
    {
        Current = new int[size];
        _stepWeighted = new long[size];
    }

    public int[] Current { get; }

    public void Update(int index, int delta, long step)
    {
        Current[index] += delta;
        _stepWeighted[index] += step * delta;
    }

    public double Average(int index, long steps) => Current[index] - ((double)_stepWeighted[index] / steps);
}
