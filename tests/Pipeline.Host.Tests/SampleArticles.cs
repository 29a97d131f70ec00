namespace Pipeline.Host.Tests;

/// <summary>Short articles written for these tests, in the inbox's plain-text shape.</summary>
internal static class SampleArticles
{
    public const string FloodInSemarang = """
        Banjir Rendam Ratusan Rumah di Semarang Utara
        SEMARANG - Hujan deras yang turun sejak Selasa sore membuat ratusan rumah di Kecamatan Semarang Utara terendam banjir setinggi lutut orang dewasa.

        Kepala Badan Penanggulangan Bencana Daerah Kota Semarang, Endro Wibisono, mengatakan petugas sudah menyiapkan perahu karet untuk mengevakuasi warga lanjut usia.

        "Kami minta warga tetap waspada karena hujan diperkirakan masih turun hingga akhir pekan," kata Endro, Rabu.
        """;

    public const string ElectionInBandung = """
        KPU Bandung Mulai Sortir Surat Suara
        BANDUNG - Komisi Pemilihan Umum Kota Bandung mulai menyortir dan melipat surat suara untuk pemilihan kepala daerah, Senin (14/10/2024).

        Sebanyak dua ratus petugas dilibatkan dalam pekerjaan yang ditargetkan selesai dalam sepuluh hari.

        "Setiap surat suara yang rusak akan kami catat dan laporkan," ujar Ketua KPU Kota Bandung, Rina Kusumawati.
        """;

    /// <summary>A JSON list of three short articles, each with a word (Tarakan, Ternate, Bontang) no other has.</summary>
    public const string ThreeArticleList = """
        [
          {"judul": "Dermaga Baru Tarakan Mulai Beroperasi", "tanggal": "2024-05-02",
           "isi": "TARAKAN - Dermaga penumpang baru di Tarakan mulai melayani kapal antarpulau pekan ini.\n\nPengelola pelabuhan menyebut antrean penumpang kini lebih pendek."},
          {"judul": "Festival Cengkeh Digelar di Ternate", "tanggal": "2024-05-03",
           "isi": "TERNATE - Festival cengkeh tahunan kembali digelar di Ternate dengan ratusan peserta.\n\nPanitia berharap festival menarik wisatawan dari luar Maluku Utara."},
          {"judul": "Sekolah Terapung Hadir di Bontang", "tanggal": "2024-05-04",
           "isi": "BONTANG - Sebuah sekolah terapung kini melayani anak-anak kampung nelayan di Bontang.\n\nGuru datang setiap pagi dengan perahu dari daratan."}
        ]
        """;
}
