using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Ingest.Tests.Support;

namespace Pipeline.Ingest.Tests;

public sealed class IngestOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IngestOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddIngest(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<IngestOptions>>().Value;
    }

    [Fact]
    public void Folders_default_to_the_data_folder_and_absolute_paths_are_kept()
    {
        var elsewhere = _temp.Combine("elsewhere", "inbox");

        var options = Resolve(new()
        {
            ["Ingest:DataFolder"] = _temp.Path,
            ["Ingest:InboxFolder"] = elsewhere,
            ["Ingest:IgnorePatterns:0"] = "*.bak",
            ["Ingest:MaxFileSizeBytes"] = "1000",
            ["Ingest:StabilityWindow"] = "00:00:02",
        });

        Assert.Equal(elsewhere, options.InboxFolder);
        Assert.Equal(Path.Combine(_temp.Path, "work"), options.WorkFolder);
        Assert.Equal(Path.Combine(_temp.Path, "archive"), options.ArchiveFolder);
        Assert.Equal(Path.Combine(_temp.Path, "quarantine"), options.QuarantineFolder);
        Assert.Equal(Path.Combine(_temp.Path, "ingest-ledger.db"), options.LedgerPath);
        Assert.Equal(["*.bak"], options.IgnorePatterns);
        Assert.Equal(1000, options.MaxFileSizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), options.StabilityWindow);
    }

    [Fact]
    public void An_archive_inside_the_inbox_is_refused_with_the_reason()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Ingest:DataFolder"] = _temp.Path,
            ["Ingest:ArchiveFolder"] = Path.Combine(_temp.Path, "inbox", "archive"),
        }));

        Assert.Contains("Ingest:ArchiveFolder", error.Message, StringComparison.Ordinal);
        Assert.Contains("ingested again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_of_files_in_flight_below_the_files_claimed_at_once_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Ingest:DataFolder"] = _temp.Path,
            ["Ingest:MaxConcurrentFiles"] = "8",
            ["Ingest:MaxFilesInFlight"] = "4",
        }));

        Assert.Contains("Ingest:MaxFilesInFlight", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ingest:LedgerRetention", "-1.00:00:00")]
    [InlineData("Ingest:LedgerPruneInterval", "00:00:00")]
    public void A_negative_ledger_retention_or_a_prune_interval_of_zero_is_refused(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Ingest:DataFolder"] = _temp.Path,
            [key] = value,
        }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_work_folder_inside_the_inbox_is_allowed()
    {
        var options = Resolve(new()
        {
            ["Ingest:DataFolder"] = _temp.Path,
            ["Ingest:WorkFolder"] = Path.Combine(_temp.Path, "inbox", ".work"),
        });

        Assert.Equal(Path.Combine(_temp.Path, "inbox", ".work"), options.WorkFolder);
    }

    [Fact]
    public void Impossible_limits_are_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Ingest:DataFolder"] = _temp.Path,
            ["Ingest:MaxFileSizeBytes"] = "0",
            ["Ingest:GrowingFileTimeout"] = "00:00:00.100",
        }));

        Assert.Contains("Ingest:MaxFileSizeBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ingest:GrowingFileTimeout", error.Message, StringComparison.Ordinal);
    }
}
