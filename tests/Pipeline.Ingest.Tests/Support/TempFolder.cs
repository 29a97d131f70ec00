namespace Pipeline.Ingest.Tests.Support;

/// <summary>A fresh folder under the system temp folder, removed with everything in it afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("pipeline-ingest-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // Unreadable test files must become deletable again.
        foreach (var file in Directory.EnumerateFiles(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (!OperatingSystem.IsWindows() && new FileInfo(file).LinkTarget is null)
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Directory.Delete(Path, recursive: true);
    }
}
