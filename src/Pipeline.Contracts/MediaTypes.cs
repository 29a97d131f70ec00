namespace Pipeline.Contracts;

/// <summary>A first guess of a file's media type from its name; extraction still checks the content.</summary>
public static class MediaTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Json = "application/json";
    public const string Markdown = "text/markdown";
    public const string Email = "message/rfc822";
    public const string Xml = "application/xml";
    public const string Pdf = "application/pdf";
    public const string Zip = "application/zip";
    public const string Gzip = "application/gzip";
    public const string Unknown = "application/octet-stream";

    /// <summary>The type a file's extension names, or <see cref="Unknown"/>.</summary>
    public static string FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => PlainText,
        ".html" or ".htm" or ".xhtml" => Html,
        ".json" => Json,
        ".md" or ".markdown" => Markdown,
        ".eml" => Email,
        ".xml" => Xml,
        ".pdf" => Pdf,
        ".zip" => Zip,
        ".gz" => Gzip,
        _ => Unknown,
    };
}
