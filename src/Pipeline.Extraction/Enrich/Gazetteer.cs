using System.Collections.Frozen;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Hand-written lists of well-known places and organisations (Indonesian and English spellings) and the words
/// that announce a person, an organisation or a place. Written for this project from general knowledge.
/// </summary>
internal static class Gazetteer
{
    public static readonly FrozenSet<string> Locations = FrozenSet.ToFrozenSet(
    [
        // Countries and regions, Indonesian spelling.
        "Indonesia", "Malaysia", "Singapura", "Thailand", "Filipina", "Vietnam", "Myanmar", "Kamboja", "Laos", "Brunei",
        "Brunei Darussalam", "Timor Leste", "Australia", "Selandia Baru", "Papua Nugini", "Jepang", "Tiongkok", "China",
        "Korea Selatan", "Korea Utara", "Taiwan", "Hong Kong", "India", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal",
        "Afghanistan", "Iran", "Irak", "Suriah", "Lebanon", "Yordania", "Israel", "Palestina", "Gaza", "Tepi Barat",
        "Arab Saudi", "Yaman", "Oman", "Qatar", "Kuwait", "Bahrain", "Uni Emirat Arab", "Turki", "Mesir", "Libya",
        "Tunisia", "Aljazair", "Maroko", "Sudan", "Ethiopia", "Kenya", "Nigeria", "Afrika Selatan", "Rusia", "Ukraina",
        "Belarus", "Polandia", "Jerman", "Prancis", "Perancis", "Inggris", "Britania Raya", "Irlandia", "Skotlandia",
        "Belanda", "Belgia", "Luksemburg", "Swiss", "Austria", "Italia", "Spanyol", "Portugal", "Yunani", "Hongaria",
        "Rumania", "Bulgaria", "Serbia", "Kroasia", "Ceko", "Slowakia", "Swedia", "Norwegia", "Finlandia", "Denmark",
        "Islandia", "Estonia", "Latvia", "Lituania", "Moldova", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan",
        "Uzbekistan", "Amerika Serikat", "Amerika", "Kanada", "Meksiko", "Brasil", "Argentina", "Chile", "Peru",
        "Kolombia", "Venezuela", "Kuba", "Eropa", "Asia", "Afrika", "Timur Tengah", "Asia Tenggara", "Krimea", "Donbas",
        "Semenanjung Korea", "Laut China Selatan", "Laut Cina Selatan", "Natuna", "Jalur Gaza", "Kharkiv", "Kyiv", "Kiev",
        // Countries and regions, English spelling.
        "Singapore", "Philippines", "Japan", "South Korea", "North Korea", "Iraq", "Syria", "Jordan", "Saudi Arabia",
        "Yemen", "United Arab Emirates", "Turkey", "Türkiye", "Egypt", "Algeria", "Morocco", "South Africa", "Russia",
        "Ukraine", "Poland", "Germany", "France", "Britain", "Great Britain", "United Kingdom", "England", "Scotland",
        "Wales", "Ireland", "Netherlands", "Belgium", "Switzerland", "Italy", "Spain", "Greece", "Hungary", "Romania",
        "Croatia", "Czech Republic", "Sweden", "Norway", "Finland", "Lithuania", "United States", "America", "Canada",
        "Mexico", "Brazil", "Colombia", "Cuba", "Europe", "Africa", "Middle East", "Southeast Asia", "West Bank",
        "Crimea", "New Zealand", "Papua New Guinea", "East Timor",
        // Cities.
        "Jakarta", "Bandung", "Surabaya", "Semarang", "Yogyakarta", "Medan", "Makassar", "Palembang", "Denpasar",
        "Bali", "Bogor", "Depok", "Tangerang", "Bekasi", "Malang", "Solo", "Surakarta", "Padang", "Pekanbaru",
        "Batam", "Balikpapan", "Samarinda", "Banjarmasin", "Pontianak", "Manado", "Kupang", "Mataram", "Ambon",
        "Jayapura", "Sorong", "Merauke", "Banda Aceh", "Jambi", "Bengkulu", "Lampung", "Bandar Lampung", "Cirebon",
        "Serang", "Cilegon", "Kendari", "Palu", "Gorontalo", "Ternate", "Mamuju", "Tarakan", "Nusantara", "IKN",
        "Washington", "New York", "Los Angeles", "Chicago", "San Francisco", "London", "Paris", "Berlin", "Brussels",
        "Brussel", "Moskow", "Moscow", "Beijing", "Shanghai", "Tokyo", "Seoul", "Pyongyang", "Bangkok", "Manila",
        "Kuala Lumpur", "Hanoi", "Canberra", "Sydney", "Melbourne", "New Delhi", "Delhi", "Mumbai", "Islamabad",
        "Kabul", "Teheran", "Tehran", "Baghdad", "Bagdad", "Damaskus", "Damascus", "Beirut", "Yerusalem", "Jerusalem",
        "Tel Aviv", "Riyadh", "Mekkah", "Makkah", "Mecca", "Madinah", "Medina", "Doha", "Dubai", "Abu Dhabi", "Ankara",
        "Istanbul", "Kairo", "Cairo", "Roma", "Rome", "Madrid", "Lisbon", "Wina", "Vienna", "Jenewa", "Geneva",
        "Den Haag", "The Hague", "Amsterdam", "Warsawa", "Warsaw", "Budapest", "Praha", "Prague", "Athena", "Athens",
        "Stockholm", "Oslo", "Helsinki", "Kopenhagen", "Copenhagen", "Ottawa", "Toronto", "Rafah", "Khan Younis",
        // Provinces and islands.
        "Aceh", "Sumatera", "Sumatra", "Sumatera Utara", "Sumatera Barat", "Sumatera Selatan", "Riau", "Kepulauan Riau",
        "Bangka Belitung", "Jawa", "Java", "Jawa Barat", "Jawa Tengah", "Jawa Timur", "Banten", "DKI Jakarta",
        "DI Yogyakarta", "Kalimantan", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur",
        "Kalimantan Utara", "Sulawesi", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara",
        "Sulawesi Barat", "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Tengah", "Papua Selatan",
        "Papua Pegunungan", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "NTB", "NTT", "Lombok", "Flores", "Madura",
        "Borneo", "Jabodetabek", "AS", "US", "USA", "UK", "RI", "NKRI", "Tanah Air", "Sumut", "Sumbar", "Sumsel", "Jabar", "Jateng", "Jatim", "Kaltim", "Kalbar", "Sulsel",
    ], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Organizations = FrozenSet.ToFrozenSet(
    [
        "NATO", "PBB", "UN", "United Nations", "Perserikatan Bangsa-Bangsa", "ASEAN", "Uni Eropa", "European Union", "EU",
        "WHO", "IMF", "Bank Dunia", "World Bank", "UNESCO", "UNICEF", "OPEC", "G20", "G7", "OKI", "FIFA", "IOC",
        "Interpol", "Hamas", "Hizbullah", "Hezbollah", "Taliban", "ISIS", "Al Qaeda", "Kremlin", "Pentagon",
        "Gedung Putih", "White House", "Kongres", "Congress", "Senat", "Senate", "Google", "Apple", "Microsoft",
        "Amazon", "Meta", "Facebook", "Twitter", "Tesla", "Samsung", "Toyota", "Pertamina", "PLN", "Garuda Indonesia",
        "Telkom", "Bank Indonesia", "BI", "OJK", "BPS", "BMKG", "BNPB", "BPJS", "KPK", "KPU", "Bawaslu", "DPR", "DPR RI",
        "DPRD", "MPR", "DPD", "MK", "MA", "Mahkamah Konstitusi", "Mahkamah Agung", "Polri", "TNI", "Kejagung",
        "Kejaksaan Agung", "Kemenkeu", "Kemenlu", "Kemenkes", "Kemendikbud", "Kemhan", "Kemenhan", "Bappenas", "BUMN",
        "Istana", "Setneg", "PDIP", "PDI-P", "PDI Perjuangan", "Golkar", "Gerindra", "PKB", "PKS", "NasDem", "Nasdem",
        "Demokrat", "PAN", "PPP", "Perindo", "PSI", "Hanura", "NU", "Nahdlatul Ulama", "Muhammadiyah", "MUI", "PSSI",
        "Persija", "Persib", "ANTARA", "Antara", "Anadolu", "Reuters", "AFP", "AP", "Associated Press", "Bloomberg",
        "Xinhua", "Bernama", "Kyodo", "Yonhap", "TASS", "Sputnik", "BBC", "CNN", "Al Jazeera", "Kompas", "Tempo",
        "Detik", "Republika", "Liputan6", "The Guardian", "The New York Times", "The Washington Post",
    ], StringComparer.Ordinal);

    /// <summary>People so often named by one word or a nickname that no rule would find them.</summary>
    public static readonly FrozenSet<string> People = FrozenSet.ToFrozenSet(
    [
        "Jokowi", "SBY", "Prabowo", "Megawati", "Ahok", "Gus Dur", "Habibie", "Soeharto", "Suharto", "Sukarno",
        "Soekarno", "Gibran", "Anies", "Ganjar", "Mahfud", "Kaesang", "Trump", "Obama", "Putin", "Biden", "Zelensky",
        "Netanyahu", "Erdogan", "Macron", "Merkel", "Modi", "Kim Jong Un", "Xi Jinping", "Anwar Ibrahim", "Mahathir",
    ], StringComparer.Ordinal);

    /// <summary>Upper-case abbreviations of common nouns (fuel, budget, law, civil servant...), not names.</summary>
    public static readonly FrozenSet<string> CommonAcronyms = FrozenSet.ToFrozenSet(
    [
        "BBM", "APBN", "APBD", "RUU", "UU", "PNS", "ASN", "TKI", "TKW", "PMI", "HAM", "PHK", "UMKM", "KTP", "SIM", "NIK",
        "WNI", "WNA", "SDM", "PDB", "PPN", "PPh", "LPG", "CPNS", "OTT", "SMS", "TV", "HP", "RW", "RT", "WIB", "WITA", "WIT",
        "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "CEO", "GDP", "VIP", "PM", "BUMD", "DPT", "TPS", "COVID",
        "OK", "USD", "IDR", "KM", "KG", "CCTV", "PT", "CV", "Tbk", "THR", "UMR", "UMP", "IPO", "AI",
    ], StringComparer.Ordinal);

    /// <summary>Words before a name that make it a person (titles, honorifics, offices).</summary>
    public static readonly FrozenSet<string> PersonCues = FrozenSet.ToFrozenSet(
    [
        "Presiden", "Wapres", "Wakil", "Menteri", "Menko", "Mendagri", "Menlu", "Menkeu", "Menhan", "Sekretaris", "Sekjen",
        "Jenderal", "Perdana", "PM", "Gubernur", "Wagub", "Bupati", "Wali", "Walikota", "Kapolri", "Kapolda", "Kapolres",
        "Panglima", "Ketua", "Ketum", "Direktur", "Dirut", "Kepala", "Juru", "Jubir", "Pak", "Bu", "Bapak", "Ibu", "Sdr",
        "Kiai", "Habib", "Ustaz", "Raja", "Ratu", "Pangeran", "Kanselir", "Dubes", "Duta", "Profesor", "Prof", "Dr",
        "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "President", "Vice", "Minister", "Prime", "Secretary", "General",
        "Governor", "Mayor", "Senator", "Sen", "Rep", "Chancellor", "King", "Queen", "Prince", "Princess", "Judge",
        "Chairman", "Chairwoman", "Chief", "CEO", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Coach",
        "Pelatih", "Kapten", "Captain", "Letjen", "Mayjen", "Brigjen", "Irjen", "Kombes", "AKBP", "Kompol", "Hakim",
        "Jaksa", "Anggota", "Komisaris", "Pendiri", "Founder", "Pengamat", "Analis", "Ekonom", "Dosen", "Councilmember",
        "Councilman", "Councilwoman", "Commissioner", "Ambassador", "Lawmaker", "Pelaksana", "Plt", "Pj",
    ], StringComparer.Ordinal);

    /// <summary>Words that continue a title right after one (<c>Menteri Pertahanan X</c>, <c>Wali Kota Y</c>) but name things elsewhere.</summary>
    public static readonly FrozenSet<string> TitleQualifiers = FrozenSet.ToFrozenSet(
    [
        "Pertahanan", "Keuangan", "Luar", "Dalam", "Negeri", "Kesehatan", "Pendidikan", "Agama", "Perdagangan",
        "Perindustrian", "Pertanian", "Sosial", "Koordinator", "Bidang", "Umum", "Utama", "Besar", "Defence", "Defense",
        "Foreign", "Finance", "Interior", "Health", "Deputy", "Acting", "Former", "Mantan", "Eks", "Kota", "Jenderal",
        "Muda", "Madya", "Harian", "Pelaksana", "Tinggi", "Negara", "Perhubungan", "Perdagangan", "Hukum", "Kelautan",
    ], StringComparer.Ordinal);

    /// <summary>Words inside or at the head of a name that make it an organisation.</summary>
    public static readonly FrozenSet<string> OrganizationHeads = FrozenSet.ToFrozenSet(
    [
        "Partai", "Kementerian", "Kemenko", "Badan", "Komisi", "Dewan", "Majelis", "Mahkamah", "Pengadilan", "Kejaksaan",
        "Kepolisian", "Polda", "Polres", "Polsek", "Kodam", "Korem", "Universitas", "Institut", "Sekolah", "Bank", "PT",
        "CV", "Tbk", "Yayasan", "Lembaga", "Perusahaan", "Persatuan", "Perhimpunan", "Asosiasi", "Ikatan", "Himpunan",
        "Gerakan", "Front", "Koalisi", "Fraksi", "Pemerintah", "Pemkot", "Pemkab", "Pemprov", "Direktorat", "Dinas",
        "Kantor", "Rumah Sakit", "RS", "RSUD", "Museum", "Klub", "Tim", "Ministry", "Department", "Party", "University",
        "College", "Institute", "Council", "Committee", "Commission", "Agency", "Association", "Foundation", "Company",
        "Corporation", "Corp", "Inc", "Ltd", "Group", "Bureau", "Court", "Army", "Navy", "Forces", "Federation", "Union",
        "Organisation", "Organization", "Authority", "Office", "Service", "News", "Times", "Post", "Airlines", "Airways",
        "SMA", "SMP", "SMK", "SD", "MTs", "MAN", "Liga", "Grup", "Band", "FC", "International", "Holdings", "Association", "Alliance", "Network", "Partners", "Bank", "Asosiasi",
    ], StringComparer.Ordinal);

    /// <summary>Words before a name that make it a place.</summary>
    public static readonly FrozenSet<string> LocationCues = FrozenSet.ToFrozenSet(
    [
        "Kota", "Kabupaten", "Kab", "Provinsi", "Kecamatan", "Kelurahan", "Desa", "Kampung", "Pulau", "Gunung", "Sungai",
        "Danau", "Laut", "Selat", "Teluk", "Jalan", "Jl", "Bandara", "Pelabuhan", "Stasiun", "Terminal", "Tanjung",
        "Kepulauan", "Negara", "Bagian", "Wilayah", "Kawasan", "City", "County", "Province", "State", "Island", "Mount",
        "River", "Lake", "Street", "Avenue", "Airport", "Port", "Bendung", "Bendungan", "Waduk", "Pantai", "Taman", "Pasar",
        "Candi", "Lembah", "Tol", "Simpang", "Bundaran", "Dusun", "Masjid", "Ponpes", "Kompleks", "Gedung",
    ], StringComparer.Ordinal);

    /// <summary>Last words that make a name a place: "Red Sea", "Harbor Island", "Hudson River".</summary>
    public static readonly FrozenSet<string> LocationSuffixes = FrozenSet.ToFrozenSet(
    [
        "Sea", "Ocean", "River", "Island", "Islands", "Strait", "Bay", "Valley", "Province", "Regency", "Street", "Park",
        "Mountains", "Lake", "Coast", "Peninsula", "Canal", "Gulf", "Desert", "County", "City", "Square", "Bridge",
    ], StringComparer.Ordinal);
}
