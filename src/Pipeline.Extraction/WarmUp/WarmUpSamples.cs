namespace Pipeline.Extraction.WarmUp;

/// <summary>Short articles written for the warm-up (made-up events), one per format the extractor reads.</summary>
internal static class WarmUpSamples
{
    public static readonly (string Name, string Text)[] All =
    [
        ("warm-up.html", Html),
        ("warm-up-id.txt", IndonesianText),
        ("warm-up-en.txt", EnglishText),
        ("warm-up.json", Json),
        ("warm-up.md", Markdown),
    ];

    private const string Html = """
        <!doctype html>
        <html lang="id"><head><meta charset="utf-8"><title>Warga Bersihkan Sungai Ciliwung - Kabar Contoh</title>
        <meta property="og:title" content="Warga Bersihkan Sungai Ciliwung"><meta property="og:site_name" content="Kabar Contoh">
        <meta name="author" content="Rina Kusuma"><meta property="article:published_time" content="2024-07-01T08:00:00+07:00">
        <meta name="description" content="Ratusan warga membersihkan bantaran sungai.">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Warga Bersihkan Sungai Ciliwung","datePublished":"2024-07-01","author":{"@type":"Person","name":"Rina Kusuma"}}</script>
        <style>.iklan{display:none}</style></head>
        <body><header class="site-header"><nav class="menu"><a href="/">Beranda</a> <a href="/berita">Berita</a> <a href="/olahraga">Olahraga</a></nav></header>
        <div class="cookie-consent">Situs ini memakai cookie. <button>Setuju</button></div>
        <main><article class="post-content"><h1>Warga Bersihkan Sungai Ciliwung</h1>
        <p class="byline">Oleh Rina Kusuma</p><time datetime="2024-07-01">Senin, 1 Juli 2024</time>
        <figure><img src="/foto.jpg" alt="Sungai"><figcaption>Warga di bantaran sungai. Foto: Kabar Contoh</figcaption></figure>
        <p>JAKARTA, KABAR - Ratusan warga dari lima kelurahan membersihkan bantaran Sungai Ciliwung pada Minggu (30/6/2024) pagi, mengangkut sampah plastik dan ranting yang menyumbat aliran.</p>
        <p>"Kami ingin sungai ini kembali bersih seperti dulu," kata Ketua RW 05 Budi Santoso kepada wartawan di lokasi.</p>
        <p>Dinas Lingkungan Hidup DKI Jakarta mengirim dua truk untuk mengangkut sampah yang terkumpul, menurut keterangan resmi pemerintah provinsi.</p>
        <div class="share-bar"><a href="#">Bagikan</a> <a href="#">Tweet</a></div>
        <p>Baca juga: Banjir Rendam Kemang</p>
        <p>Kegiatan serupa direncanakan setiap bulan hingga akhir tahun, dengan dukungan relawan dari kampus sekitar.</p></article>
        <aside class="sidebar related"><h3>Berita Terkait</h3><ul><li><a href="/a">Harga Cabai Naik</a></li><li><a href="/b">Kereta Tambahan</a></li></ul></aside>
        <section class="comments"><h3>Komentar</h3><p>Mantap, lanjutkan!</p></section></main>
        <footer><p>Hak cipta 2024 Kabar Contoh</p></footer></body></html>
        """;

    private const string IndonesianText = """
        Pasar Tradisional di Medan Direnovasi
        Medan (ANTARA) - Pemerintah Kota Medan mulai merenovasi Pasar Petisah pada Selasa (2/7), dengan target rampung sebelum akhir tahun.
        "Pedagang tetap bisa berjualan di los sementara selama pekerjaan berlangsung," ujar Kepala Dinas Perdagangan Medan Sari Lubis.
        Renovasi mencakup atap, saluran air dan area parkir yang selama ini dikeluhkan pengunjung.
        """;

    private const string EnglishText = """
        Harbour Cranes Return to Service
        SURABAYA (Reuters) - Two container cranes at the port of Surabaya returned to service on Tuesday after three weeks of repairs, the operator said.
        "We expect waiting times for ships to fall this week," port director Anna Lee said in a statement.
        The cranes handle about a fifth of the port's container traffic, she said.
        """;

    private const string Json = """
        [{"title": "Jembatan Gantung Baru di Lombok", "date": "2024-07-02", "author": "Made Arta",
          "body": "MATARAM - Jembatan gantung baru menghubungkan dua desa di Lombok Tengah.\n\nWarga kini tidak perlu memutar sejauh sepuluh kilometer."},
         {"headline": "Bus Listrik Diuji di Bandung", "published_at": "2024-07-02",
          "content": "<p>BANDUNG - Dua bus listrik diuji coba di rute kampus.</p><p>Dinas Perhubungan menilai hasilnya pekan depan.</p>"}]
        """;

    private const string Markdown = """
        ---
        title: Perpustakaan Keliling Sambangi Desa
        date: 2024-07-02
        author: Dewi Anggraini
        ---

        # Perpustakaan Keliling Sambangi Desa

        Mobil perpustakaan keliling kini **menyambangi** tiga desa di Kabupaten Sleman setiap pekan.

        - Koleksi buku anak
        - Layanan baca di tempat
        """;
}
