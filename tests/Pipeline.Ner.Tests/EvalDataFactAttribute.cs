namespace Pipeline.Ner.Tests;

/// <summary>
/// A fact that needs the project's shared evaluation data (../shared/eval beside the repository root);
/// it is skipped, with the reason, where that data is absent. The data is never copied into the repository.
/// </summary>
public sealed class EvalDataFactAttribute : FactAttribute
{
    public EvalDataFactAttribute(params string[] relativePaths)
    {
        if (relativePaths.Any(p => !File.Exists(EvalData.PathOf(p))))
        {
            Skip = $"evaluation data not found under {EvalData.Root ?? "../shared/eval"}";
        }
    }
}

internal static class EvalData
{
    /// <summary>shared/eval beside the repository that holds this test run, or null.</summary>
    public static string? Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root ?? "", relative);

    private static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            {
                var eval = Path.Combine(directory.FullName, "..", "shared", "eval");
                return Directory.Exists(eval) ? Path.GetFullPath(eval) : null;
            }
        }

        return null;
    }
}
