using System.CommandLine;
using System.Text.Json;
using Pipeline.Host.Web;
using Pipeline.Storage;

namespace Pipeline.Host.Cli;

internal static class SearchCommand
{
    public static Command Create()
    {
        var arguments = new HostingArguments(withStages: false);
        var query = new Argument<string>("query") { Description = "Words (all must match), \"exact phrase\", OR, -excluded." };
        var limit = new Option<int>("--limit") { Description = "Most hits to show.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "One JSON object: {total, hits: [...]}." };
        var lang = new Option<string>("--lang") { Description = "Only articles in this language (id, en, ...)." };
        var from = new Option<DateOnly?>("--from") { Description = "Published on or after this date (yyyy-mm-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Published on or before this date (yyyy-mm-dd)." };
        var entity = new Option<string>("--entity") { Description = "Only articles mentioning this person, organisation or place." };
        var source = new Option<string>("--source") { Description = "Only articles citing this agency (e.g. ANTARA)." };

        var command = new Command("search", "Search stored articles.") { query, limit, json, lang, from, to, entity, source };
        arguments.AddTo(command);
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--limit must be between 1 and 1000.");
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(arguments.ToConfiguration(parse), (s, c) => s.AddArticleStore(c));
            var store = await CliServices.OpenStoreAsync(services, ct);
            var results = await store.SearchAsync(new SearchRequest(parse.GetRequiredValue(query))
            {
                Limit = parse.GetValue(limit),
                Language = parse.GetValue(lang),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Entity = parse.GetValue(entity),
                Source = parse.GetValue(source),
            }, ct);

            var response = SearchResponse.From(results);
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(response, PipelineJson.Options));
            else
                SearchTable.Write(response);
            return PipelineCommandLine.Success;
        });
        return command;
    }
}
