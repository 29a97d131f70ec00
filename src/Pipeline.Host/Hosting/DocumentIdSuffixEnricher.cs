using Serilog.Core;
using Serilog.Events;

namespace Pipeline.Host.Hosting;

/// <summary>Adds " doc=… corr=…" to text log lines that belong to a document, and nothing to the others.</summary>
internal sealed class DocumentIdSuffixEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (!logEvent.Properties.TryGetValue("DocumentId", out var document)) return;
        logEvent.Properties.TryGetValue("CorrelationId", out var correlation);
        var suffix = correlation is null ? $" doc={document}" : $" doc={document} corr={correlation}";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("DocumentIdSuffix", suffix));
    }
}
