using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// Finds the article body in a page by content scoring over the DOM, in the manner of Readability: page furniture
/// (navigation, share bars, comments, related links, cookie notices) is removed by tag and class name; every
/// paragraph scores its ancestors by length and commas; link-heavy containers are discounted; the best container
/// and its strong siblings are read out block by block, skipping link lists.
/// </summary>
internal static partial class HtmlContentExtractor
{
    private const int MinParagraphChars = 25;

    private static readonly HashSet<string> RemovedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "button", "select",
        "input", "textarea", "object", "embed", "canvas", "video", "audio", "map", "figcaption", "dialog", "link", "meta",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "header", "hr", "address", "center",
        "details", "summary", "form", "fieldset",
    };

    public static List<string> Extract(IDocument page, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var body = page.Body;
        if (body is null)
            return [];
        RemoveFurniture(body);

        var scores = new Dictionary<IElement, double>();
        var inspected = 0;
        foreach (var element in body.QuerySelectorAll("p, pre, td, blockquote, div, section, article"))
        {
            if (++inspected % 64 == 0 && clock.Elapsed > budget)
                break; // out of time: the candidates scored so far decide
            if (!IsParagraphLike(element))
                continue;
            var text = element.TextContent;
            var length = CountNonSpace(text);
            if (length < MinParagraphChars)
                continue;
            var score = 1 + CountCommas(text) + Math.Min(length / 100.0, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                    scores[ancestor] = InitialScore(ancestor);
                scores[ancestor] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (candidate, score) in scores)
        {
            var final = score * (1 - LinkDensity(candidate));
            scores[candidate] = final;
            if (final > topScore)
                (top, topScore) = (candidate, final);
        }
        if (top is null)
            return ReadBlocks([body]);
        return ReadBlocks(WithStrongSiblings(top, topScore, scores));
    }

    private static List<IElement> WithStrongSiblings(IElement top, double topScore, Dictionary<IElement, double> scores)
    {
        var parent = top.ParentElement;
        if (parent is null)
            return [top];
        var threshold = Math.Max(10, topScore * 0.2);
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                chosen.Add(sibling);
                continue;
            }
            if (scores.TryGetValue(sibling, out var score) && score >= threshold)
            {
                chosen.Add(sibling);
                continue;
            }
            if (!sibling.LocalName.Equals("p", StringComparison.OrdinalIgnoreCase))
                continue;
            var text = sibling.TextContent;
            var length = CountNonSpace(text);
            var density = LinkDensity(sibling);
            if ((length > 80 && density < 0.25) || (length > 0 && density == 0 && text.TrimEnd().EndsWith('.')))
                chosen.Add(sibling);
        }
        return chosen;
    }

    private static List<string> ReadBlocks(List<IElement> roots)
    {
        var output = new List<string>();
        var current = new StringBuilder();
        foreach (var root in roots)
        {
            Walk(root, current, output);
            Flush(current, output);
        }
        return output;
    }

    private static void Walk(INode node, StringBuilder current, List<string> output)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                current.Append(child.TextContent);
                continue;
            }
            if (child is not IElement element)
                continue;
            var tag = element.LocalName;
            if (tag == "br")
            {
                Flush(current, output);
                continue;
            }
            if (!BlockTags.Contains(tag))
            {
                Walk(element, current, output);
                continue;
            }
            Flush(current, output);
            if (!IsLinkList(element))
                Walk(element, current, output);
            Flush(current, output);
        }
    }

    private static void Flush(StringBuilder current, List<string> output)
    {
        if (current.Length == 0)
            return;
        var text = CollapseSpaces(current);
        current.Clear();
        if (text.Length > 0 && !Boilerplate.IsBoilerplateLine(text))
            output.Add(text);
    }

    /// <summary>Navigation and "read also" blocks inside the body: mostly link text.</summary>
    private static bool IsLinkList(IElement element)
    {
        var tag = element.LocalName;
        if (tag is not ("ul" or "ol" or "div" or "section" or "p" or "li" or "table" or "dl"))
            return false;
        var density = LinkDensity(element);
        return density > 0.5 && (tag is "ul" or "ol" or "li" or "dl" || CountNonSpace(element.TextContent) < 300);
    }

    private static void RemoveFurniture(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (element.Parent is null)
                continue;
            if (RemovedTags.Contains(element.LocalName) || IsHidden(element) || IsUnlikelyCandidate(element)
                || (element.LocalName == "header" && !HasLongParagraph(element)))
                element.Remove();
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
            return true;
        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static bool IsUnlikelyCandidate(IElement element)
    {
        if (element.LocalName is "body" or "a" or "article" or "main" or "p")
            return false;
        var names = ClassAndId(element);
        if (names.Length == 0)
            return false;
        return (UnlikelyCandidate().IsMatch(names) && !MaybeCandidate().IsMatch(names)) || AlwaysFurniture().IsMatch(names);
    }

    private static bool HasLongParagraph(IElement element)
    {
        foreach (var p in element.QuerySelectorAll("p"))
        {
            if (CountNonSpace(p.TextContent) > 100)
                return true;
        }
        return false;
    }

    private static bool IsParagraphLike(IElement element)
    {
        var tag = element.LocalName;
        if (tag is "p" or "pre" or "td" or "blockquote")
            return true;
        // A div or section holding text directly (not through child blocks) is a paragraph in all but name.
        foreach (var child in element.ChildNodes)
        {
            if (child.NodeType == NodeType.Text && CountNonSpace(child.TextContent) >= MinParagraphChars)
                return true;
        }
        return false;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" or "section" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = ClassAndId(element);
        if (names.Length > 0)
        {
            if (NegativeName().IsMatch(names))
                score -= 25;
            if (PositiveName().IsMatch(names))
                score += 25;
        }
        if (element.HasAttribute("itemprop") && element.GetAttribute("itemprop") is "articleBody" or "text")
            score += 30;
        return score;
    }

    internal static double LinkDensity(IElement element)
    {
        var total = CountNonSpace(element.TextContent);
        if (total == 0)
            return 0;
        var linked = 0;
        foreach (var link in element.QuerySelectorAll("a"))
            linked += CountNonSpace(link.TextContent);
        return Math.Min(1, (double)linked / total);
    }

    private static string ClassAndId(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        return cls is null ? id ?? "" : id is null ? cls : cls + " " + id;
    }

    private static int CountNonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
                count++;
        }
        return count;
    }

    private static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '،' or '，')
                count++;
        }
        return count;
    }

    private static string CollapseSpaces(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = result.Length > 0;
                    continue;
                }
                if (space)
                    result.Append(' ');
                space = false;
                result.Append(c);
            }
        }
        return result.ToString();
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|share|cookie|consent|newsletter|subscribe|baca-?juga|read-?also|recommend|outbrain|taboola|promo", RegexOptions.IgnoreCase)]
    private static partial Regex UnlikelyCandidate();

    [GeneratedRegex(@"and|article|body|column|content|main|shadow|story|post|entry|text", RegexOptions.IgnoreCase)]
    private static partial Regex MaybeCandidate();

    // Furniture even inside an article container: comment threads, share bars, cookie banners, cross links.
    [GeneratedRegex(@"(?:^|[\s_-])(?:comments?|comment-list|disqus|share|sharing|social|cookie|consent|newsletter|related|baca-?juga|read-?also|outbrain|taboola)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex AlwaysFurniture();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeName();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|artikel|berita", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveName();
}
