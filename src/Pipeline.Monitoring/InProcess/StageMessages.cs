using Pipeline.Contracts;

namespace Pipeline.Monitoring.InProcess;

/// <summary>Which stage consumes each pipeline message: the link between what a process observes and the stage rows.</summary>
public static class StageMessages
{
    /// <summary>The stage whose queue receives messages of this type, or null for messages outside the pipeline's way.</summary>
    public static string? ConsumedBy(Type messageType)
    {
        if (messageType == typeof(ArticleReceived)) return Stages.Extract;
        if (messageType == typeof(ArticleExtracted)) return Stages.Index;
        // Ingest hears the end of each document's way: stored (archive the file) or rejected (quarantine it).
        if (messageType == typeof(ArticleIndexed) || messageType == typeof(ArticleRejected)) return Stages.Ingest;
        return null;
    }
}
