using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Benchmarking.Relevance;
using Pipeline.Extraction;
using Pipeline.Host.Hosting;
using Pipeline.LocalServers;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline relevance</c>: extracts the judged sample articles with the real extractor, stores them in a fresh
/// SQLite file and a fresh PostgreSQL database, runs every judged query through each store's search and prints
/// the precision of the first result and the mean reciprocal rank per store.
/// </summary>
internal static class RelevanceCommand
{
    public static Command Create()
    {
        var judgmentsPath = new Option<string>("--judgments")
        {
            Description = "The judgments file; the articles it lists are read relative to the folder above its own (seeds/).",
            DefaultValueFactory = _ => Path.Combine("seeds", "relevance", "judgments.json"),
        };
        var postgres = new Option<string>("--postgres") { Description = "Connection string of a PostgreSQL server allowed to create databases; a private one is started otherwise." };
        var everyQuery = new Option<bool>("--all") { Description = "List every query with the rank of its first relevant hit, not only the misses." };
        var command = new Command("relevance", "Score search ranking on the judged sample articles, on SQLite and on PostgreSQL.") { judgmentsPath, postgres, everyQuery };
        // Without --postgres it starts a PostgreSQL server, which a stop must take along.
        command.SetAction((parse, ct) => TerminationSignals.RunAsync(token => RunAsync(parse, token), ct));
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
        {
            var path = Path.GetFullPath(parse.GetRequiredValue(judgmentsPath));
            var judgments = RelevanceJudgments.Load(path);
            var seeds = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
            await using var services = CliServices.Build(new Dictionary<string, string?>(), (s, c) => s.AddExtractionWithTagger(c));
            var documents = RelevanceCorpus.Extract(judgments, seeds, services.GetRequiredService<IArticleExtractor>());
            Console.WriteLine($"{judgments.Queries.Count} queries over {documents.Count} articles ({path})");

            // Ranking settings (Storage:TitleWeight...) come from configuration, so their effect can be measured here.
            var storage = services.GetRequiredService<IConfiguration>().GetSection(StorageOptions.SectionName);
            var all = parse.GetValue(everyQuery);
            Console.Write((await EvaluateSqliteAsync(storage, judgments, documents, ct)).Format(all));
            Console.Write((await EvaluatePostgresAsync(storage, judgments, documents, parse.GetValue(postgres), ct)).Format(all));
            return PipelineCommandLine.Success;
        }
    }

    private static async Task<RelevanceReport> EvaluateSqliteAsync(IConfigurationSection storage, RelevanceJudgments judgments, IReadOnlyList<StoredDocument> documents, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-relevance-");
        try
        {
            var options = Configured(storage);
            options.Provider = StorageProvider.Sqlite;
            options.DataDirectory = folder.FullName;
            var store = new SqliteArticleStore(options, NullLogger<SqliteArticleStore>.Instance);
            await store.UpsertAsync(documents, ct);
            return await RelevanceEvaluation.RunAsync("sqlite", store, judgments, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<RelevanceReport> EvaluatePostgresAsync(IConfigurationSection storage, RelevanceJudgments judgments, IReadOnlyList<StoredDocument> documents, string? adminConnectionString, CancellationToken ct)
    {
        await using var server = adminConnectionString is null ? await PrivatePostgresServer.StartAsync(cancellationToken: ct) : null;
        var connectionString = await PrivatePostgresServer.CreateDatabaseAsync(adminConnectionString ?? server!.AdminConnectionString, "pipeline_relevance", ct);
        var options = Configured(storage);
        options.Provider = StorageProvider.Postgres;
        options.ConnectionString = connectionString;
        await using var store = new PostgresArticleStore(options, NullLogger<PostgresArticleStore>.Instance);
        await store.UpsertAsync(documents, ct);
        return await RelevanceEvaluation.RunAsync("postgres", store, judgments, ct);
    }

    /// <summary>The configured storage settings (a new instance each time), to be pointed at a fresh database.</summary>
    private static StorageOptions Configured(IConfigurationSection storage) => storage.Get<StorageOptions>() ?? new StorageOptions();
}
