namespace Pipeline.Host.Hosting;

/// <summary>Everything on disk lives under one data folder unless configured otherwise.</summary>
internal static class DataPaths
{
    /// <summary>Configuration defaults derived from the data folder, for keys the user did not set.</summary>
    public static Dictionary<string, string?> Defaults(PipelineOptions pipeline, IConfiguration configuration)
    {
        var data = Path.GetFullPath(pipeline.DataDirectory);
        var defaults = new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = data,
            ["Ingest:DataFolder"] = data,
            ["Ingest:InboxFolder"] = Path.Combine(data, "inbox"),
            ["Storage:DataDirectory"] = data,
        };
        foreach (var key in defaults.Keys.ToList())
        {
            var configured = configuration[key];
            if (!string.IsNullOrEmpty(configured) && key != "Pipeline:DataDirectory")
                defaults[key] = Path.GetFullPath(configured);
        }
        return defaults;
    }
}
