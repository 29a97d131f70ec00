namespace Pipeline.LocalServers;

/// <summary>The outcome of a child process that ran to completion.</summary>
// Not sealed: the test fixtures keep their own ProcessResult name as a subclass.
public record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public sealed override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}
