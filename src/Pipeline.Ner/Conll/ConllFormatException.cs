namespace Pipeline.Ner.Conll;

/// <summary>A CoNLL file could not be read; the message names the file and line.</summary>
public sealed class ConllFormatException : Exception
{
    public ConllFormatException()
    {
    }

    public ConllFormatException(string message)
        : base(message)
    {
    }

    public ConllFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
