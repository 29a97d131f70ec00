namespace Pipeline.Storage;

/// <summary>One schema step. Versions only grow; an applied step is never edited, a new one is added.</summary>
public sealed record Migration(int Version, string Name, string Sql);
