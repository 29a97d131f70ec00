using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Monitoring.Web;

/// <summary>
/// A page's HTML, script and style embedded in an assembly under one resource name prefix: the host serves them
/// without a web root or a CDN. The dashboard's live here; the host's search page uses the same class.
/// </summary>
public sealed class EmbeddedPageAssets
{
    internal static readonly EmbeddedPageAssets Dashboard = new(typeof(EmbeddedPageAssets).Assembly, "Pipeline.Monitoring.Web.");

    private readonly FrozenDictionary<string, (byte[] Content, string ContentType)> _assets;

    public EmbeddedPageAssets(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        _assets = Load(assembly, resourcePrefix);
    }

    public IResult Serve(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!_assets.TryGetValue(name, out var asset)) return Results.NotFound();
        // Only this host's own script and style may run: text from articles can never become code.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, (byte[], string)> Load(Assembly assembly, string prefix)
    {
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[prefix.Length..];
            assets[name] = (buffer.ToArray(), ContentTypeOf(name));
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
