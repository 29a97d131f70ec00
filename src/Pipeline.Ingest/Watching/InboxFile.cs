namespace Pipeline.Ingest.Watching;

/// <summary>One entry of the inbox as a scan saw it.</summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="RelativePath">Path below the inbox with forward slashes, as reported in messages.</param>
/// <param name="SizeBytes">Length in bytes (of the link itself for a symbolic link).</param>
/// <param name="LastWriteUtc">Modification time.</param>
/// <param name="IsSymbolicLink">A link is never followed: it is quarantined as it is.</param>
internal sealed record InboxFile(string FullPath, string RelativePath, long SizeBytes, DateTimeOffset LastWriteUtc, bool IsSymbolicLink);
