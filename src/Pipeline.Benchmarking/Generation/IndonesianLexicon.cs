namespace Pipeline.Benchmarking.Generation;

internal static class IndonesianLexicon
{
    public static Lexicon Instance { get; } = new(
        Language: "id",
        GivenNames: ["Agus", "Rina", "Bambang", "Siti", "Hendra", "Wulan", "Yusuf", "Ratna", "Teguh", "Indah", "Fajar", "Lestari", "Rizal", "Nurul", "Dimas", "Ayu"],
        FamilyNames: ["Prasetyo", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Siregar", "Nasution", "Pangaribuan", "Rahmawati", "Setiawan", "Harahap", "Gunawan", "Suryadi", "Tanjung"],
        Roles: ["Kepala Dinas Perhubungan", "Wakil Wali Kota", "Direktur Utama", "Ketua Komisi", "juru bicara", "Kepala Badan Pusat Statistik", "Sekretaris Daerah", "pengamat ekonomi", "Kepala Bidang Pencegahan", "Gubernur"],
        Organisations: ["Dinas Pekerjaan Umum", "Badan Pusat Statistik (BPS)", "Kementerian Perdagangan", "PT Kereta Api Indonesia", "Bank Indonesia", "Dewan Perwakilan Rakyat Daerah (DPRD)", "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)", "Perusahaan Daerah Air Minum", "Otoritas Jasa Keuangan (OJK)", "Badan Penanggulangan Bencana Daerah (BPBD)"],
        Places: ["Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Palembang", "Denpasar", "Pontianak", "Manado", "Padang", "Yogyakarta", "Balikpapan", "Kupang"],
        Agencies: ["ANTARA", "Kabar Nusantara", "Warta Kota"],
        Subjects: ["harga beras", "jalur kereta komuter", "pasokan air bersih", "pembangunan jembatan", "kredit usaha kecil", "curah hujan", "tarif angkutan kota", "stok cabai merah", "perbaikan jalan provinsi", "program vaksinasi", "penerimaan pajak daerah", "arus mudik", "ekspor kopi", "pengelolaan sampah"],
        Days: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
        Months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
        HeadlineTemplates:
        [
            "{org} Tinjau Ulang {Subject} di {place}",
            "Warga {place} Keluhkan {Subject} Menjelang Akhir Bulan",
            "{Subject} di {place} Naik {percent} Persen",
            "Pemerintah Kota {place} Siapkan Rp{number} Miliar untuk {Subject}",
            "{org} Minta Warga {place} Bersiap Hadapi Perubahan {Subject}",
        ],
        LeadTemplates:
        [
            "{org} mencatat {subject} di {place} berubah cukup tajam dalam sepekan terakhir, dengan kenaikan sekitar {percent} persen dibandingkan bulan lalu.",
            "{role} {person} mengatakan pemerintah daerah sedang menyiapkan langkah baru terkait {subject} setelah menerima ratusan laporan dari warga {place}.",
            "Rapat koordinasi yang digelar {org} pada {day} membahas {subject} yang dinilai belum berjalan sesuai rencana di {place}.",
        ],
        SentenceTemplates:
        [
            "Menurut {person}, sebanyak {number} keluarga di {place} terdampak langsung oleh persoalan {subject} tersebut.",
            "Data {org} menunjukkan angka itu merupakan yang tertinggi sejak tiga tahun terakhir.",
            "Ia menambahkan bahwa anggaran tambahan sebesar Rp{number} juta telah diajukan kepada pemerintah provinsi.",
            "Sejumlah pedagang di pasar tradisional {place} mengaku penjualan mereka turun hingga {percent} persen.",
            "Petugas gabungan dijadwalkan melakukan pemeriksaan lapangan mulai {day} pekan depan.",
            "{role} {person} meminta masyarakat tidak panik dan mengikuti informasi resmi dari {org}.",
            "Kebijakan tersebut akan dievaluasi kembali setelah berjalan selama {number} hari.",
            "Di sisi lain, kalangan pengusaha berharap pemerintah memberi kepastian soal {subject} sebelum akhir tahun.",
            "Hingga {day} sore, belum ada keterangan tambahan dari {org} mengenai jadwal pelaksanaan program itu.",
            "Warga di kawasan pinggiran {place} menyebut antrean sudah terlihat sejak pukul lima pagi.",
            "Langkah serupa sebelumnya pernah diterapkan di {place} dan dinilai cukup berhasil menekan keluhan warga.",
            "Pengamat menilai persoalan {subject} membutuhkan kerja sama antardaerah agar tidak terus berulang.",
        ],
        QuoteTemplates:
        [
            "Kami akan memantau perkembangan {subject} setiap hari dan melaporkannya secara terbuka kepada masyarakat",
            "Tidak ada alasan untuk menunda perbaikan, karena warga {place} sudah menunggu terlalu lama",
            "Koordinasi dengan {org} terus kami lakukan supaya masalah ini cepat selesai",
            "Angka ini memang naik, tetapi masih dalam batas yang bisa kami tangani",
        ],
        SpeechVerbs: ["kata", "ujar", "tutur", "jelas"],
        SiteNames: ["Kabar Harian Nusantara", "Suara Kota", "Warta Pagi"],
        SectionNames: ["Nasional", "Ekonomi", "Metropolitan", "Daerah", "Olahraga", "Teknologi", "Gaya Hidup", "Opini"]);
}
