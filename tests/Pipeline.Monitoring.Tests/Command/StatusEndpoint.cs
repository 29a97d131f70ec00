using System.Net.Http.Json;
using Pipeline.Monitoring.Status;

namespace Pipeline.Monitoring.Tests.Command;

/// <summary>Reads a running host's <c>GET /api/status</c>, as the tests poll it while the host starts.</summary>
internal static class StatusEndpoint
{
    /// <returns>The report, or null while the host is not listening yet.</returns>
    public static async Task<StatusReport?> TryReadAsync(Uri host, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        try
        {
            return await http.GetFromJsonAsync<StatusReport>(new Uri(host, "api/status"), StatusJson.Options, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
