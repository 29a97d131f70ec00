namespace Pipeline.Contracts;

/// <summary>Which process handled a document: recorded with every stage visit.</summary>
public sealed record WorkerIdentity(string Name)
{
    public static WorkerIdentity ForThisProcess() => new($"{Environment.MachineName}/{Environment.ProcessId}");
}
