namespace Pipeline.Extraction.Formats;

internal enum DocumentFormat
{
    PlainText,
    Html,
    Json,
    Markdown,
    Email,
}
