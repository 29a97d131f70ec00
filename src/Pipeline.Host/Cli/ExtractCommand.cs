using System.CommandLine;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Host.Hosting;
using Pipeline.Host.Web;

namespace Pipeline.Host.Cli;

/// <summary><c>pipeline extract PATH... [--json]</c>: extraction alone, no bus and no store.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per line per article (a file holding a list of articles gives one line for each)." };
        var command = new Command("extract", "Extract articles from files and print them.") { paths, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(new Dictionary<string, string?>(), (s, c) => s.AddExtractionWithTagger(c));
            var extractor = services.GetRequiredService<IArticleExtractor>();
            var failures = 0;
            foreach (var file in ExpandFiles(parse.GetRequiredValue(paths)))
            {
                ct.ThrowIfCancellationRequested();
                if (!await ExtractOneAsync(extractor, file, parse.GetValue(json), ct)) failures++;
            }
            return failures == 0 ? PipelineCommandLine.Success : PipelineCommandLine.Failure;
        });
        return command;
    }

    private static async Task<bool> ExtractOneAsync(IArticleExtractor extractor, string file, bool json, CancellationToken ct)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{file}: cannot be read: {e.Message}");
            return false;
        }

        var source = new SourceFile(file, DocumentIds.Sha256Hex(content), MediaTypes.FromFileName(file), content.LongLength);
        try
        {
            foreach (var article in extractor.ExtractAll(new ExtractionInput(source, content, File.GetLastWriteTimeUtc(file))))
            {
                if (json)
                    Console.WriteLine(JsonSerializer.Serialize(article, PipelineJson.Options));
                else
                    Console.WriteLine($"{article.Source.Path}\n  {article.Title}\n  {article.Language} {article.PublishedAt} {article.Dateline} {article.WordCount} words\n");
            }
            return true;
        }
        catch (ExtractionRejectedException rejected)
        {
            await Console.Error.WriteLineAsync($"{file}: {rejected.Message}{(rejected.Hint is null ? "" : " " + rejected.Hint)}");
            return false;
        }
    }

    private static IEnumerable<string> ExpandFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}");
            }
        }
    }
}
