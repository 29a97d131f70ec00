using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// Markdown articles: optional YAML front matter (title, date, author), the first heading as the title, then
/// paragraphs with the markup removed (emphasis, links, images, list bullets, quotes, code fences).
/// </summary>
internal static partial class MarkdownReader
{
    public static ParsedDocument Read(string text)
    {
        var doc = new ParsedDocument { MediaType = "text/markdown" };
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var front = FrontMatter().Match(text);
        if (front.Success)
        {
            foreach (Match field in FrontMatterField().Matches(front.Groups["yaml"].Value))
                ApplyField(doc, field.Groups["key"].Value.ToLowerInvariant(), field.Groups["value"].Value.Trim().Trim('"', '\''));
            text = text[front.Length..];
        }

        var plain = new StringBuilder(text.Length);
        var inFence = false;
        foreach (var raw in text.Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
                continue;
            var heading = Heading().Match(raw);
            if (heading.Success)
            {
                var headingText = Inline(heading.Groups["text"].Value);
                if (heading.Groups["level"].Length == 1 && (doc.Title is null || doc.Title == headingText))
                {
                    doc.Title = headingText;
                    continue;
                }
                // A subheading stands alone as its own paragraph.
                plain.Append('\n').Append(headingText).Append("\n\n");
                continue;
            }
            plain.Append(Inline(LinePrefix().Replace(raw, ""))).Append('\n');
        }
        return PlainTextReader.Read(plain.ToString(), doc, firstBlockIsTitle: doc.Title is null);
    }

    private static void ApplyField(ParsedDocument doc, string key, string value)
    {
        if (value.Length == 0)
            return;
        switch (key)
        {
            case "title":
                doc.Title = value;
                break;
            case "date" or "published" or "publishedat" or "pubdate":
                doc.PublishedAt = Enrich.DateFinder.NormaliseMachineDate(value);
                break;
            case "author" or "authors" or "penulis":
                foreach (var name in value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    doc.Authors.Add(name.Trim('"', '\''));
                break;
            case "site" or "sitename" or "source":
                doc.SiteName = value;
                break;
            case "lang" or "language":
                doc.Language = value;
                break;
            case "description" or "summary":
                doc.Description = value;
                break;
        }
    }

    private static string Inline(string line)
    {
        line = Image().Replace(line, "");
        line = Link().Replace(line, "${text}");
        return Emphasis().Replace(line, "");
    }

    [GeneratedRegex(@"^---\n(?<yaml>(?:.*\n)*?)---\n")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^(?<key>[A-Za-z_]+):[ \t]*(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterField();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:>\s?|[-*+]\s+|\d+\.\s+)")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w*_])(?:\*\*|__|\*|_)|(?:\*\*|__|\*|_)(?![\w*_])|`")]
    private static partial Regex Emphasis();
}
