namespace Pipeline.Ner;

/// <summary>
/// The BIO label set the tagger predicts. Label ids are stable: they index weight rows in saved models.
/// </summary>
public static class EntityLabels
{
    public const string Person = "Person";
    public const string Organization = "Organization";
    public const string Location = "Location";

    /// <summary>Outside any entity.</summary>
    public const byte Outside = 0;

    /// <summary>Number of labels: O, then B/I for Person, Organization, Location.</summary>
    public const int Count = 7;

    /// <summary>Weight rows are padded to this width so one row is one 128-bit vector of shorts.</summary>
    public const int RowWidth = 8;

    private static readonly string[] TypeNames = [Person, Organization, Location];

    /// <summary>Label id of B-type (typeIndex 0..2).</summary>
    public static byte Begin(int typeIndex) => (byte)(1 + (2 * typeIndex));

    /// <summary>Label id of I-type (typeIndex 0..2).</summary>
    public static byte Inside(int typeIndex) => (byte)(2 + (2 * typeIndex));

    public static bool IsBegin(byte label) => label != Outside && (label & 1) == 1;

    public static bool IsInside(byte label) => label != Outside && (label & 1) == 0;

    /// <summary>Type index 0..2 of a B or I label.</summary>
    public static int TypeIndexOf(byte label) => (label - 1) / 2;

    public static string TypeName(int typeIndex) => TypeNames[typeIndex];

    /// <summary>
    /// Maps a corpus entity type to a type index: PER/PERSON/PPL, ORG/ORGANISATION/ORGANIZATION, LOC/PLACE/PLC/GPE.
    /// Returns -1 for types the project does not tag (they are read as outside).
    /// </summary>
    public static int TypeIndexFromCorpusName(ReadOnlySpan<char> name)
    {
        if (name.Equals("PER", StringComparison.OrdinalIgnoreCase)
            || name.Equals("PERSON", StringComparison.OrdinalIgnoreCase)
            || name.Equals("PPL", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (name.Equals("ORG", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ORGANISATION", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ORGANIZATION", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (name.Equals("LOC", StringComparison.OrdinalIgnoreCase)
            || name.Equals("PLACE", StringComparison.OrdinalIgnoreCase)
            || name.Equals("PLC", StringComparison.OrdinalIgnoreCase)
            || name.Equals("GPE", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return -1;
    }
}
