using System.Globalization;

namespace Pipeline.ReliabilityTests;

/// <summary>Distinct short plain-text news articles, each with a word no other contains.</summary>
internal static class Articles
{
    private static readonly string[] Places = ["BANDUNG", "SEMARANG", "PADANG", "AMBON", "KUPANG", "JAYAPURA", "MATARAM"];
    private static readonly string[] Things = ["irigasi", "puskesmas", "dermaga", "perpustakaan", "stadion", "gudang beras"];

    public static string Create(int number)
    {
        var place = Places[number % Places.Length];
        var thing = Things[number / Places.Length % Things.Length];
        return $"""
            Warga {Title(place)} Menyambut {Title(thing)} Baru ke-{number}
            {place} - Pemerintah daerah membuka {thing} baru bertanda {MarkerOf(number)} setelah pembangunan selama delapan belas bulan.

            Kepala dinas mengatakan fasilitas itu akan melayani ribuan warga setiap hari dan dikelola bersama koperasi setempat.

            "Kami minta masyarakat ikut menjaga," ujarnya kepada wartawan, Selasa.
            """;
    }

    /// <summary>A word only article <paramref name="number"/> contains, to find it by search.</summary>
    public static string MarkerOf(int number) => "tanda" + number.ToString("D6", CultureInfo.InvariantCulture);

    private static string Title(string words) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words.ToLowerInvariant());
}
