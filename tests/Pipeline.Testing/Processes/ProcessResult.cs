namespace Pipeline.Testing.Processes;

/// <summary>The outcome of a child process that ran to completion; the tests' name for <see cref="LocalServers.ProcessResult"/>.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
    : LocalServers.ProcessResult(ExitCode, StandardOutput, StandardError)
{
    internal static ProcessResult From(LocalServers.ProcessResult result) =>
        new(result.ExitCode, result.StandardOutput, result.StandardError);
}
