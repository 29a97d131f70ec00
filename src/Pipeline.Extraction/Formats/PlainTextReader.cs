using Pipeline.Extraction.Enrich;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// Plain-text articles: the first line is the title, then paragraphs, either one a line or separated by blank lines
/// (hard-wrapped lines inside a blank-line block are joined). The first paragraph may open with a dateline.
/// </summary>
internal static class PlainTextReader
{
    public static ParsedDocument Read(string text) => Read(text, new ParsedDocument { MediaType = "text/plain" }, firstBlockIsTitle: true);

    /// <summary>Adds the paragraphs of <paramref name="text"/> to <paramref name="doc"/>; the first block becomes the title when asked and none is known.</summary>
    public static ParsedDocument Read(string text, ParsedDocument doc, bool firstBlockIsTitle)
    {
        var blocks = SplitBlocks(text);
        var index = 0;
        if (firstBlockIsTitle && blocks.Count > 1 && doc.Title is null)
            doc.Title = blocks[index++];

        for (; index < blocks.Count; index++)
        {
            var block = blocks[index];
            var author = Boilerplate.AuthorFromCreditLine(block);
            if (author is not null && block.Length < 80)
            {
                doc.Authors.Add(author);
                continue;
            }
            if (Boilerplate.IsBoilerplateLine(block))
            {
                // A bare "Baca juga:" announces a linked headline on the next line; a real paragraph there stays.
                if (Boilerplate.IsCrossLinkLabel(block) && index + 1 < blocks.Count && Boilerplate.LooksLikeHeadline(blocks[index + 1]))
                    index++;
                continue;
            }
            doc.Paragraphs.Add(block);
        }
        ApplyDateline(doc);
        return doc;
    }

    /// <summary>Strips a leading dateline from the first paragraph into <see cref="ParsedDocument.Dateline"/>.</summary>
    public static void ApplyDateline(ParsedDocument doc)
    {
        if (doc.Paragraphs.Count == 0)
            return;
        var first = doc.Paragraphs[0];
        if (DatelineParser.Parse(first, IsKnownPlace) is not { } dateline)
            return;
        doc.Dateline ??= dateline.Place;
        doc.DatelineAgency = dateline.Agency;
        doc.SiteName ??= dateline.Outlet;
        var rest = first[dateline.Length..].TrimStart();
        if (rest.Length == 0)
            doc.Paragraphs.RemoveAt(0);
        else
            doc.Paragraphs[0] = rest;
    }

    private static bool IsKnownPlace(string place) => Gazetteer.Locations.Contains(place);

    private static List<string> SplitBlocks(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var blocks = new List<string>();
        var multiLineBlocks = 0;
        var current = new List<string>();
        var groups = new List<List<string>>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    groups.Add(current);
                    multiLineBlocks += current.Count > 1 ? 1 : 0;
                    current = [];
                }
                continue;
            }
            current.Add(line);
        }
        if (current.Count > 0)
        {
            groups.Add(current);
            multiLineBlocks += current.Count > 1 ? 1 : 0;
        }

        // Blank lines between blocks of several lines mean the text is hard-wrapped: a block is a paragraph.
        var joinBlocks = groups.Count > 1 && multiLineBlocks * 2 >= groups.Count;
        foreach (var group in groups)
        {
            if (joinBlocks)
                blocks.Add(string.Join(' ', group));
            else
                blocks.AddRange(group);
        }
        return blocks;
    }
}
