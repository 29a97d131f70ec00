namespace Pipeline.Extraction;

/// <summary>The content can never become an article (binary, empty, no article in the page...). Retrying will not help.</summary>
public sealed class ExtractionRejectedException : Exception
{
    public ExtractionRejectedException(string reason, string? hint = null) : base(reason) => Hint = hint;

    public ExtractionRejectedException() : base("The content is not an article.") { }

    public ExtractionRejectedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>What a person can do about it, e.g. "Save the page as HTML, not as a PDF."</summary>
    public string? Hint { get; }
}
