namespace Pipeline.Contracts;

/// <summary>A first guess of a file's media type from its name; extraction still checks the content.</summary>
public static class MediaTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Json = "application/json";
    public const string Markdown = "text/markdown";
    public const string Email = "message/rfc822";
    public const string Unknown = "application/octet-stream";

    public static string FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => PlainText,
        ".html" or ".htm" or ".xhtml" => Html,
        ".json" => Json,
        ".md" or ".markdown" => Markdown,
        ".eml" => Email,
        _ => Unknown,
    };
}
