using Pipeline.Ner.Features;

namespace Pipeline.Ner;

/// <summary>Per-thread scratch buffers for tagging, grown to the longest sentence seen and then reused.</summary>
internal sealed class TaggerWorkspace
{
    [ThreadStatic]
    private static TaggerWorkspace? _current;

    public TokenInfo[] Infos { get; private set; } = [];

    public int[] Rows { get; private set; } = [];

    public int[] Emission { get; private set; } = [];

    public byte[] BackPointers { get; private set; } = [];

    public byte[] Labels { get; private set; } = [];

    public static TaggerWorkspace ForCurrentThread(int tokenCount)
    {
        var workspace = _current ??= new TaggerWorkspace();
        workspace.EnsureCapacity(tokenCount);
        return workspace;
    }

    private void EnsureCapacity(int tokenCount)
    {
        if (Infos.Length >= tokenCount)
        {
            return;
        }

        var capacity = Math.Max(64, (int)Math.Min(int.MaxValue / FeatureExtractor.FeaturesPerToken, (long)tokenCount * 2));
        capacity = Math.Max(capacity, tokenCount);
        Infos = new TokenInfo[capacity];
        Rows = new int[capacity * FeatureExtractor.FeaturesPerToken];
        Emission = new int[capacity * EntityLabels.RowWidth];
        BackPointers = new byte[capacity * EntityLabels.RowWidth];
        Labels = new byte[capacity];
    }
}
