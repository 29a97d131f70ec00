using System.Globalization;

namespace Pipeline.IntegrationTests;

/// <summary>Distinct plain-text articles in the inbox's shape, written for these tests.</summary>
internal static class ArticleFactory
{
    private static readonly string[] Cities = ["JAKARTA", "SURABAYA", "MEDAN", "MAKASSAR", "DENPASAR", "PONTIANAK"];
    private static readonly string[] Topics = ["jembatan", "pasar", "sekolah", "pelabuhan", "bendungan", "terminal"];

    public static string Create(int number)
    {
        var city = Cities[number % Cities.Length];
        var topic = Topics[number / Cities.Length % Topics.Length];
        var marker = MarkerOf(number);
        return $"""
            Pemerintah Resmikan {Capitalise(topic)} Baru Nomor {number}
            {city} - Pemerintah kota meresmikan {topic} baru yang dibangun selama dua tahun dengan kode proyek {marker}.

            Warga menyambut baik pembangunan itu karena perjalanan mereka menjadi lebih singkat dan murah.

            "Kami berharap fasilitas ini dirawat bersama," kata wali kota dalam sambutannya.
            """;
    }

    /// <summary>A word that only article <paramref name="number"/> contains, to find it by search.</summary>
    public static string MarkerOf(int number) => "kode" + number.ToString("D5", CultureInfo.InvariantCulture);

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
