namespace Pipeline.Monitoring.Health;

/// <summary>How many documents the store holds. The host implements it over its store; monitoring knows no store.</summary>
public interface IStoredDocumentCount
{
    Task<long> CountAsync(CancellationToken cancellationToken);
}
