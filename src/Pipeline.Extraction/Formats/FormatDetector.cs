using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Formats;

/// <summary>Decides how to read a file from its decoded text first and its name second (names lie, content does not).</summary>
internal static partial class FormatDetector
{
    public static DocumentFormat Detect(string text, string path)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();

        if (head.StartsWith('<') && HtmlMarker().IsMatch(head))
            return DocumentFormat.Html;
        if (head.Length > 0 && (head[0] == '{' || head[0] == '['))
        {
            // "[FOTO] Judul" is a text title; a JSON document continues with a quote, a brace or a bracket.
            var next = head[1..].TrimStart();
            if (extension == ".JSON" || next.IsEmpty || next[0] is '"' or '{' or '[' or ']' or '}')
                return DocumentFormat.Json;
        }
        if (extension == ".EML" || EmailHeaders().IsMatch(head))
            return DocumentFormat.Email;
        if (extension is ".MD" or ".MARKDOWN" || MarkdownMarker().IsMatch(head))
            return DocumentFormat.Markdown;
        if (extension is ".HTML" or ".HTM" && head.StartsWith('<'))
            return DocumentFormat.Html;
        return DocumentFormat.PlainText;
    }

    [GeneratedRegex(@"^<(!doctype\s+html|html|head|body|meta|title|article|div|p[\s>]|\?xml[^>]*>\s*<!doctype\s+html|!--)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlMarker();

    // At least two header lines such as "From: x" and "Subject: y" at the very top.
    [GeneratedRegex(@"^(?:(?:From|To|Subject|Date|MIME-Version|Received|Return-Path|Message-ID|Content-Type):[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2}", RegexOptions.IgnoreCase)]
    private static partial Regex EmailHeaders();

    // A Markdown heading on the first line, or YAML front matter.
    [GeneratedRegex(@"^(?:#{1,3} \S|---\r?\n(?:[A-Za-z_]+:.*\r?\n)+---)")]
    private static partial Regex MarkdownMarker();
}
