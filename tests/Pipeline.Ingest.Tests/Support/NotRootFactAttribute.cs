namespace Pipeline.Ingest.Tests.Support;

/// <summary>A fact that depends on file permissions, which do not bind the root user: skipped as root.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root")
            Skip = "Runs as root, whom file permissions do not stop; run the tests as an ordinary user to cover this.";
    }
}
