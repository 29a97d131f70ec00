namespace Pipeline.Ner.Features;

/// <summary>
/// Best label sequence under emission scores and first-order transition scores, restricted to valid BIO
/// sequences (an I- label only continues a B- or I- label of the same type).
/// </summary>
internal static class Viterbi
{
    /// <summary>Row index of the transition table that holds the scores of starting with each label.</summary>
    public const int StartRow = EntityLabels.Count;

    /// <summary>Size of the transition table: rows for each previous label plus the start row, RowWidth wide.</summary>
    public const int TransitionTableSize = (EntityLabels.Count + 1) * EntityLabels.RowWidth;

    private const int L = EntityLabels.Count;
    private const int W = EntityLabels.RowWidth;

    /// <summary>Score of a state no valid sequence reaches; far below any real score, far above overflow.</summary>
    private const long Impossible = long.MinValue / 4;

    private static readonly bool[] Allowed = BuildAllowed();

    public static bool IsAllowed(int previousOrStart, int label) => Allowed[(previousOrStart * W) + label];

    /// <param name="emission">n * RowWidth scores.</param>
    /// <param name="transitions"><see cref="TransitionTableSize"/> scores, [previous * RowWidth + label].</param>
    /// <param name="backPointers">Scratch of at least n * RowWidth bytes.</param>
    /// <param name="labels">Receives n labels.</param>
    public static void Decode(
        ReadOnlySpan<int> emission, ReadOnlySpan<int> transitions, int n, Span<byte> backPointers, Span<byte> labels)
    {
        if (n == 0)
        {
            return;
        }

        Span<long> previous = stackalloc long[W];
        Span<long> current = stackalloc long[W];
        for (var y = 0; y < L; y++)
        {
            previous[y] = Allowed[(StartRow * W) + y]
                ? (long)transitions[(StartRow * W) + y] + emission[y]
                : Impossible;
        }

        for (var i = 1; i < n; i++)
        {
            var emissionRow = emission.Slice(i * W, W);
            var back = backPointers.Slice(i * W, W);

            // O and B- labels may follow any label.
            for (var y = 0; y < L; y += y == 0 ? 1 : 2)
            {
                var best = previous[0] + transitions[y];
                byte bestPrevious = 0;
                for (var p = 1; p < L; p++)
                {
                    var score = previous[p] + transitions[(p * W) + y];
                    if (score > best)
                    {
                        best = score;
                        bestPrevious = (byte)p;
                    }
                }

                current[y] = best + emissionRow[y];
                back[y] = bestPrevious;
            }

            // I-X only continues B-X (label y - 1) or I-X (label y).
            for (var y = 2; y < L; y += 2)
            {
                var fromBegin = previous[y - 1] + transitions[((y - 1) * W) + y];
                var fromInside = previous[y] + transitions[(y * W) + y];
                var continues = fromInside > fromBegin;
                current[y] = (continues ? fromInside : fromBegin) + emissionRow[y];
                back[y] = (byte)(continues ? y : y - 1);
            }

            current.CopyTo(previous);
        }

        var last = 0;
        for (var y = 1; y < L; y++)
        {
            if (previous[y] > previous[last])
            {
                last = y;
            }
        }

        labels[n - 1] = (byte)last;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = backPointers[(i * W) + labels[i]];
        }
    }

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(L + 1) * W];
        for (var previous = 0; previous <= L; previous++)
        {
            for (byte label = 0; label < L; label++)
            {
                var ok = !EntityLabels.IsInside(label)
                    || (previous < L && previous != EntityLabels.Outside
                        && EntityLabels.TypeIndexOf((byte)previous) == EntityLabels.TypeIndexOf(label));
                allowed[(previous * W) + label] = ok;
            }
        }

        return allowed;
    }
}
