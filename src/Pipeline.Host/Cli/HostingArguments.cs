using System.CommandLine;

namespace Pipeline.Host.Cli;

/// <summary>
/// Options shared by every command that runs stages or opens the store. Each maps to a configuration key,
/// so the same setting can come from appsettings.json, the environment or the command line (which wins).
/// </summary>
internal sealed class HostingArguments
{
    private readonly List<(Option<string> Option, string Key)> _mapped = [];

    public HostingArguments(bool withStages)
    {
        Map("--data", "Pipeline:DataDirectory", "Folder for inbox, archive, quarantine and the embedded store.");
        Map("--store", "Storage:Provider", "sqlite (embedded, default) or postgres.");
        Map("--postgres", "Storage:ConnectionString", "PostgreSQL connection string when --store postgres.");
        if (!withStages) return;
        Map("--inbox", "Ingest:InboxFolder", "Folder to watch for new articles (default: <data>/inbox).");
        Map("--transport", "Pipeline:Transport", "inmemory (one process, default) or rabbitmq.");
        Map("--rabbitmq", "RabbitMq:Uri", "AMQP URI of the broker when --transport rabbitmq.");
        Map("--management", "RabbitMq:ManagementUri", "http://host:port/ of the broker's management API, read for queue health (default: port 15672 on the AMQP host).");
        Map("--urls", "Pipeline:Urls", "Where the HTTP endpoint listens (default http://127.0.0.1:5080).");
        Map("--log-format", "Pipeline:LogFormat", "text (default) or json.");
    }

    public void AddTo(Command command)
    {
        foreach (var (option, _) in _mapped) command.Options.Add(option);
    }

    /// <summary>The values given on the command line, as configuration keys.</summary>
    public Dictionary<string, string?> ToConfiguration(ParseResult parse)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (option, key) in _mapped)
        {
            if (parse.GetValue(option) is { } value) values[key] = value;
        }
        if (values.TryGetValue("Storage:ConnectionString", out _) && !values.ContainsKey("Storage:Provider"))
            values["Storage:Provider"] = "postgres";
        if (values.TryGetValue("RabbitMq:Uri", out _) && !values.ContainsKey("Pipeline:Transport"))
            values["Pipeline:Transport"] = "rabbitmq";
        return values;
    }

    private void Map(string name, string key, string description) =>
        _mapped.Add((new Option<string>(name) { Description = $"{description} [config: {key}]" }, key));
}
