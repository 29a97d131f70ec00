using Pipeline.Host.Web;
using Spectre.Console;

namespace Pipeline.Host.Cli;

internal static class SearchTable
{
    public static void Write(SearchResponse response)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Score").AddColumn("Published").AddColumn("Lang").AddColumn("Title").AddColumn("Snippet");
        foreach (var hit in response.Hits)
        {
            table.AddRow(
                hit.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(hit.PublishedAt ?? ""),
                Markup.Escape(hit.Language ?? ""),
                Markup.Escape(hit.Title),
                Markup.Escape(hit.Snippet));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{response.Total} article(s) match; {response.Hits.Count} shown.[/]");
    }
}
