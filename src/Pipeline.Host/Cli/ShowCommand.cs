using System.CommandLine;
using System.Text.Json;
using Pipeline.Host.Web;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Host.Cli;

/// <summary><c>pipeline show ID [--json]</c>: one stored article with everything extraction found.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var arguments = new HostingArguments(withStages: false);
        var id = new Argument<Guid>("id") { Description = "The article's id, as search prints it." };
        var json = new Option<bool>("--json") { Description = "The whole stored document as JSON." };
        var command = new Command("show", "Show one stored article.") { id, json };
        arguments.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(arguments.ToConfiguration(parse), (s, c) => s.AddArticleStore(c));
            var store = await CliServices.OpenStoreAsync(services, ct);
            var document = await store.GetAsync(parse.GetRequiredValue(id), ct);
            if (document is null)
            {
                await Console.Error.WriteLineAsync($"pipeline: no article with id {parse.GetRequiredValue(id)}.");
                return PipelineCommandLine.Failure;
            }
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(document, PipelineJson.Options));
            else
                Write(document);
            return PipelineCommandLine.Success;
        });
        return command;
    }

    private static void Write(StoredDocument document)
    {
        var article = document.Article;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) grid.AddRow($"[grey]{name}[/]", Markup.Escape(value));
        }
        Row("Title", article.Title);
        Row("Published", article.PublishedAt);
        Row("Dateline", article.Dateline);
        Row("Language", article.Language);
        Row("Site", article.SiteName);
        Row("Authors", string.Join(", ", article.Authors));
        Row("Agencies", string.Join(", ", article.Sources));
        Row("People", Names(article, Contracts.EntityTypes.Person));
        Row("Organisations", Names(article, Contracts.EntityTypes.Organization));
        Row("Places", Names(article, Contracts.EntityTypes.Location));
        Row("Keywords", string.Join(", ", article.Keywords));
        Row("Summary", article.Summary);
        Row("Source", $"{article.Source.Path} ({article.Source.MediaType}, {article.Source.SizeBytes} bytes)");
        Row("Stored", $"{document.StoredAt:u}, version {document.Version}");
        AnsiConsole.Write(grid);
        foreach (var quote in article.Quotes)
            AnsiConsole.MarkupLine($"[grey]Quote[/] {Markup.Escape(quote.Speaker ?? "?")}: “{Markup.Escape(quote.Text)}”");
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(article.Body);
    }

    private static string Names(Contracts.Article article, string type) =>
        string.Join(", ", article.Entities.Where(e => e.Type == type).Select(e => e.Name));
}
