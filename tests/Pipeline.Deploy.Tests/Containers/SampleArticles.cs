using System.Globalization;
using System.Text;
using Pipeline.Contracts;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>Short plain-text news articles written for this test, each with different content (so a different id).</summary>
internal static class SampleArticles
{
    /// <summary>Writes <paramref name="count"/> articles into <paramref name="inbox"/> and returns their document ids.</summary>
    public static async Task<IReadOnlyList<Guid>> DropAsync(string inbox, string batch, int count)
    {
        var ids = new List<Guid>(count);
        for (var i = 1; i <= count; i++)
        {
            var text = Article(batch, i);
            var bytes = Encoding.UTF8.GetBytes(text);
            // Written under a dot name and renamed: the watcher ignores hidden files and sees only complete ones.
            var hidden = Path.Combine(inbox, $".{batch}-{i}.tmp");
            await File.WriteAllBytesAsync(hidden, bytes);
            File.Move(hidden, Path.Combine(inbox, $"{batch}-{i:D3}.txt"));
            ids.Add(DocumentIds.FromSha256Hex(DocumentIds.Sha256Hex(bytes)));
        }

        return ids;
    }

    private static string Article(string batch, int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        return $"""
            Warga RW {n} Gelar Kerja Bakti Bersihkan Saluran Air ({batch})
            Jakarta (ANTARA) - Ratusan warga RW {n} di Kelurahan Sukamaju bergotong royong membersihkan saluran air menjelang musim hujan pada Sabtu (12/10/2024) pagi.
            Ketua RW {n} Budi Santoso mengatakan kegiatan itu diikuti warga dari {n} rukun tetangga dan petugas kebersihan kelurahan.
            "Kami ingin memastikan air mengalir lancar sehingga permukiman tidak tergenang ketika hujan deras turun," kata Budi di Jakarta.
            Petugas kelurahan menyediakan gerobak dan karung untuk mengangkut lumpur serta sampah yang diangkat dari saluran.
            Kegiatan serupa dijadwalkan berlangsung setiap bulan hingga akhir musim hujan, menurut catatan panitia kelompok {batch}.

            """;
    }
}
