using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Errors;

/// <summary>
/// GET /api/errors lists failed messages; POST /api/errors/replay sends them back. Replay changes state, so
/// a host listening beyond loopback accepts it only with the configured key in <see cref="ErrorsOptions.ApiKeyHeader"/>.
/// </summary>
public static class ErrorsApi
{
    public static IEndpointRouteBuilder MapErrorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/errors", (IFailedMessages errors, CancellationToken ct) => errors.ListAsync(ct));
        app.MapPost("/api/errors/replay", ReplayAsync);
        return app;
    }

    private static async Task<IResult> ReplayAsync(
        HttpContext http,
        IFailedMessages errors,
        IOptions<ErrorsOptions> options,
        IOptions<PipelineOptions> pipeline,
        CancellationToken ct,
        string? stage = null,
        string? id = null)
    {
        if (IsExposed(pipeline.Value.Urls) && !HasValidKey(http, options.Value.ApiKey))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                detail: $"This host listens beyond localhost: replay needs the key from configuration '{ErrorsOptions.SectionName}:{nameof(ErrorsOptions.ApiKey)}' in the '{ErrorsOptions.ApiKeyHeader}' header.");
        }
        try
        {
            return Results.Ok(await errors.ReplayAsync(stage, id, ct));
        }
        catch (ArgumentException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
        }
    }

    /// <summary>True when any configured listening address is reachable from outside this machine.</summary>
    public static bool IsExposed(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(url =>
        {
            var host = BindingAddress.Parse(url).Host;
            return !(host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
        });

    private static bool HasValidKey(HttpContext http, string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey)) return false;
        var given = http.Request.Headers[ErrorsOptions.ApiKeyHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configuredKey));
    }
}
