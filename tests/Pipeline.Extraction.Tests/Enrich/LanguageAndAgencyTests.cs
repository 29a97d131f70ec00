using Pipeline.Extraction.Enrich;

namespace Pipeline.Extraction.Tests.Enrich;

public sealed class LanguageAndAgencyTests
{
    [Theory]
    [InlineData("Pemerintah akan membangun jalan baru yang menghubungkan dua kota itu dalam waktu dekat, kata menteri.", "id")]
    [InlineData("The government will build a new road that connects the two cities in the near future, the minister said.", "en")]
    [InlineData("Die Regierung wird eine neue Straße bauen, die die beiden Städte mit dem Umland verbindet und nicht teuer ist.", "de")]
    [InlineData("Le gouvernement va construire une nouvelle route qui relie les deux villes dans le pays pour les habitants.", "fr")]
    public void Language_is_told_from_function_words(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text, TextSpans.Words(text)));
    }

    [Fact]
    public void Too_little_text_has_no_language()
    {
        const string text = "Jakarta Bandung Surabaya";
        Assert.Null(LanguageDetector.Detect(text, TextSpans.Words(text)));
    }

    [Fact]
    public void Agencies_are_found_in_their_credited_forms_only()
    {
        var found = AgencyFinder.Find("kata dia dilansir ANTARA dari Anadolu. Menurut Reuters dan AFP, serta (AP), hal itu terjadi di antara dua kota.", null);
        Assert.Equal(["ANTARA", "Anadolu", "Reuters", "AFP", "AP"], found);
        Assert.Empty(AgencyFinder.Find("Antara lain yang hadir adalah warga. Dia berdiri di antara mereka. AP Dhillon tampil.", null));
        Assert.Equal(["ANTARA"], AgencyFinder.Find("Warga berkumpul.", "ANTARA"));
    }

    [Fact]
    public void Short_agency_names_count_after_a_citing_word_that_stands_on_its_own()
    {
        Assert.Equal(["ANTARA"], AgencyFinder.Find("Hal itu dia sampaikan kepada Antara di Jakarta.", null));
        Assert.Equal(["AP", "dpa"], AgencyFinder.Find("The minister told AP on Monday, as reported  dpa later.", null));
        Assert.Equal(["Sputnik", "ANTARA"], AgencyFinder.Find("Kabar itu dikutip via Sputnik dan dilansir\nAntara.", null));
        // "to" inside "Toto" and a name not after a citing word are no credit.
        Assert.Empty(AgencyFinder.Find("Toto AP tampil. Menurut Antara Putri, acara itu ramai.", null));
    }
}
