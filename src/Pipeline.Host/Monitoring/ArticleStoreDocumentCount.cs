using Pipeline.Monitoring.Health;
using Pipeline.Storage;

namespace Pipeline.Host.Monitoring;

/// <summary>Documents stored, for the dashboard: the store answers, monitoring does not know the store.</summary>
internal sealed class ArticleStoreDocumentCount(IArticleStore store) : IStoredDocumentCount
{
    public Task<long> CountAsync(CancellationToken cancellationToken) => store.CountAsync(cancellationToken);
}
