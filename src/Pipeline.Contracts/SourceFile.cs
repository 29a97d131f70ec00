namespace Pipeline.Contracts;

/// <summary>The file an article came from, as ingest saw it when it claimed the file.</summary>
/// <param name="Path">Path relative to the inbox, with forward slashes, as the user dropped it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes; the article's identity.</param>
/// <param name="MediaType">Media type guessed from the name and content (e.g. text/plain, text/html).</param>
/// <param name="SizeBytes">Size of the file in bytes.</param>
public sealed record SourceFile(string Path, string Sha256, string MediaType, long SizeBytes);
