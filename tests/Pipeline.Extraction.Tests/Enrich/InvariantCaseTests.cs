using System.Text;
using Pipeline.Extraction.Enrich;

namespace Pipeline.Extraction.Tests.Enrich;

/// <summary>The ASCII-first casing must give exactly what the runtime's invariant casing gives.</summary>
public sealed class InvariantCaseTests
{
    // ASCII, Latin accents, the Turkish dotted and dotless i, sharp s, typographic quotes and dashes, and a
    // letter outside the basic plane (Deseret, a surrogate pair with a case mapping).
    private static readonly string[] Pieces =
        ["a", "Z", "m", " ", "7", "-", ",", "é", "É", "ñ", "İ", "ı", "ß", "\u201C", "\u2019", "\u2014", "\U00010428", "\U00010400", "Ω", "ω"];

    public static TheoryData<string> Samples => new(
        "",
        "JAKARTA - Hujan deras merendam Jakarta.",
        "\u201CKami siaga,\u201D kata Budi \u2014 warga Kemayoran.",
        "Café Über İstanbul straße",
        "\U00010428\U00010429 mixed \U00010400 letters",
        "ends with an accent é",
        "é starts with one");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Text_is_cased_as_the_runtime_cases_it(string text)
    {
        Assert.Equal(text.ToUpperInvariant(), InvariantCase.ToUpper(text));
    }

    [Fact]
    public void Random_mixtures_of_ASCII_and_other_letters_are_cased_as_the_runtime_cases_them()
    {
        var random = new Random(20_261_126);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 40); n > 0; n--)
                text.Append(Pieces[random.Next(Pieces.Length)]);
            var sample = text.ToString();

            Assert.Equal(sample.ToUpperInvariant(), InvariantCase.ToUpper(sample));
        }
    }

    [Fact]
    public void Words_are_lower_cased_as_the_runtime_lower_cases_them()
    {
        var random = new Random(20_261_127);
        Span<char> lowered = stackalloc char[128];
        for (var i = 0; i < 2_000; i++)
        {
            var word = new StringBuilder();
            for (var n = random.Next(0, 30); n > 0; n--)
                word.Append(Pieces[random.Next(Pieces.Length)]);
            var sample = word.ToString();

            InvariantCase.ToLowerWord(sample, lowered[..sample.Length]);

            Assert.Equal(sample.ToLowerInvariant(), lowered[..sample.Length].ToString());
        }
    }
}
