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
        "input", "textarea", "object", "embed", "canvas", "video", "audio", "map", "figcaption", "figure", "picture", "dialog",
        "link", "meta",
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
        RemoveCertainFurniture(body);
        var result = Extract(body, strict: true, clock, budget);
        // Class names mislead sometimes ("pageRow" looks like "pager"): with too little text, score again
        // trusting only tags and explicit furniture names, as Readability does.
        if (CountWords(result) < RetryBelowWords)
        {
            var relaxed = Extract(body, strict: false, clock, budget);
            if (CountWords(relaxed) > CountWords(result))
                result = relaxed;
        }
        return result;
    }

    private const int RetryBelowWords = 80;

    private static List<string> Extract(IElement body, bool strict, Stopwatch clock, TimeSpan budget)
    {
        var stats = new Dictionary<IElement, NodeStats>(1024);
        Measure(body, insideLink: false, depth: 0, strict, stats);

        var scores = new Dictionary<IElement, double>();
        var inspected = 0;
        foreach (var (element, stat) in stats)
        {
            if (++inspected % 256 == 0 && clock.Elapsed > budget)
                break; // out of time: the candidates scored so far decide
            if (stat.Text < MinParagraphChars || !IsParagraphLike(element, stat))
                continue;
            var score = 1 + stat.Commas + Math.Min(stat.Text / 100.0, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.TryGetValue(ancestor, out var current))
                    current = InitialScore(ancestor);
                scores[ancestor] = current + score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (candidate, score) in scores)
        {
            var final = score * (1 - LinkDensity(candidate, stats));
            scores[candidate] = final;
            if (final > topScore)
                (top, topScore) = (candidate, final);
        }
        var reader = new BlockReader(stats);
        if (top is null)
            return reader.Read([body]);
        top = CommonAncestorOfStrongCandidates(top, topScore, scores);
        return reader.Read(WithStrongSiblings(top, scores.GetValueOrDefault(top, topScore), scores, stats));
    }

    /// <summary>
    /// Articles split into chunks (a container per few paragraphs) score as several near-equal candidates;
    /// their nearest common ancestor, when close above the best one, holds the whole article.
    /// </summary>
    private static IElement CommonAncestorOfStrongCandidates(IElement top, double topScore, Dictionary<IElement, double> scores)
    {
        var ancestors = new List<IElement>(MaxClimb);
        for (var a = top.ParentElement; a is not null && ancestors.Count < MaxClimb; a = a.ParentElement)
            ancestors.Add(a);
        var best = -1;
        foreach (var (candidate, score) in scores)
        {
            if (candidate == top || score < topScore * StrongCandidateShare || ancestors.Contains(candidate))
                continue;
            for (var a = candidate.ParentElement; a is not null; a = a.ParentElement)
            {
                var index = ancestors.IndexOf(a);
                if (index < 0)
                    continue;
                if (a == candidate.ParentElement || index > best)
                    best = Math.Max(best, index);
                break;
            }
        }
        return best >= 0 ? ancestors[best] : top;
    }

    private const int MaxClimb = 4;
    private const double StrongCandidateShare = 0.5;

    /// <summary>Text measures of one element's subtree, computed once bottom-up so scoring never re-reads text.</summary>
    private sealed class NodeStats
    {
        public int Text;
        public int Link;
        public int Commas;
        public int InlineText;
    }

    private const int MaxDepth = 400;

    private static NodeStats Measure(IElement element, bool insideLink, int depth, bool strict, Dictionary<IElement, NodeStats> stats)
    {
        var s = new NodeStats();
        stats[element] = s;
        foreach (var child in element.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                var text = child.TextContent;
                var n = CountNonSpace(text);
                s.Text += n;
                s.InlineText += n;
                s.Commas += CountCommas(text);
                if (insideLink)
                    s.Link += n;
            }
            else if (child is IElement e && depth < MaxDepth && !(strict && IsUnlikelyCandidate(e)))
            {
                var c = Measure(e, insideLink || e.LocalName == "a", depth + 1, strict, stats);
                s.Text += c.Text;
                s.Link += c.Link;
                s.Commas += c.Commas;
                if (!BlockTags.Contains(e.LocalName))
                    s.InlineText += c.InlineText;
            }
        }
        return s;
    }

    private static double LinkDensity(IElement element, Dictionary<IElement, NodeStats> stats) =>
        stats.TryGetValue(element, out var s) && s.Text > 0 ? (double)s.Link / s.Text : 0;

    private static List<IElement> WithStrongSiblings(IElement top, double topScore, Dictionary<IElement, double> scores, Dictionary<IElement, NodeStats> stats)
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
            if (sibling.LocalName != "p" || !stats.TryGetValue(sibling, out var s))
                continue;
            var density = LinkDensity(sibling, stats);
            if ((s.Text > 80 && density < 0.25) || (s.Text > 0 && density == 0 && sibling.TextContent.TrimEnd().EndsWith('.')))
                chosen.Add(sibling);
        }
        return chosen;
    }

    /// <summary>Reads the chosen containers out as paragraphs: a block element ends one, a <c>&lt;br&gt;</c> too.</summary>
    private sealed class BlockReader(Dictionary<IElement, NodeStats> stats)
    {
        private readonly List<string> _output = [];
        private readonly StringBuilder _current = new();

        public List<string> Read(List<IElement> roots)
        {
            foreach (var root in roots)
            {
                Walk(root);
                Flush();
            }
            return _output;
        }

        private void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == NodeType.Text)
                {
                    _current.Append(child.TextContent);
                    continue;
                }
                if (child is not IElement element)
                    continue;
                var tag = element.LocalName;
                if (tag == "br")
                {
                    Flush();
                    continue;
                }
                if (!BlockTags.Contains(tag))
                {
                    if (stats.ContainsKey(element))
                        Walk(element);
                    continue;
                }
                Flush();
                if (stats.ContainsKey(element) && !IsLinkList(element))
                    Walk(element);
                Flush();
            }
        }

        private void Flush()
        {
            if (_current.Length == 0)
                return;
            var text = CollapseSpaces(_current);
            _current.Clear();
            if (text.Length > 0 && !Boilerplate.IsBoilerplateLine(text))
                _output.Add(text);
        }

        /// <summary>Navigation and "read also" blocks inside the body: mostly link text.</summary>
        private bool IsLinkList(IElement element)
        {
            var tag = element.LocalName;
            if (tag is not ("ul" or "ol" or "div" or "section" or "p" or "li" or "table" or "dl") || !stats.TryGetValue(element, out var s))
                return false;
            var density = LinkDensity(element, stats);
            return density > 0.5 && (tag is "ul" or "ol" or "li" or "dl" || s.Text < 300);
        }
    }

    /// <summary>Removes what is never article text whatever the page: scripts, navigation, hidden parts, share bars, comments.</summary>
    private static void RemoveCertainFurniture(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (element.Parent is null)
                continue;
            if (RemovedTags.Contains(element.LocalName) || IsHidden(element)
                || (element.LocalName is not ("body" or "article" or "main") && IsFurnitureByName(ClassAndId(element)))
                || (element.LocalName == "header" && !HasLongParagraph(element)))
                element.Remove();
        }
    }

    private static bool IsFurnitureByName(string names) =>
        names.Length > 0 && (AlwaysFurniture().IsMatch(names) || CaptionOrCredit().IsMatch(names));

    private static int CountWords(List<string> paragraphs)
    {
        var count = 0;
        foreach (var p in paragraphs)
            count += Enrich.TextSpans.CountWords(p);
        return count;
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
        return UnlikelyCandidate().IsMatch(names) && !MaybeCandidate().IsMatch(names);
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

    private static bool IsParagraphLike(IElement element, NodeStats stats)
    {
        var tag = element.LocalName;
        // A div or section holding text itself or in inline elements (not in child blocks) is a paragraph in all but name.
        return tag is "p" or "pre" or "td" or "blockquote" || (tag is "div" or "section" or "article" && stats.InlineText >= MinParagraphChars);
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

    // Photo captions and credits, also inside compound names such as "imageEmbedCaption" or "photo-credit".
    [GeneratedRegex(@"caption|credit|byline", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionOrCredit();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeName();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|artikel|berita", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveName();
}
