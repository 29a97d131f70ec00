namespace Pipeline.Host.Hosting;

/// <summary>Which stages one process runs: all of them (<c>pipeline run</c>) or one (<c>pipeline worker</c>).</summary>
[Flags]
public enum StageSet
{
    None = 0,
    Ingest = 1,
    Extract = 2,
    Index = 4,
    All = Ingest | Extract | Index,
}
