namespace Pipeline.Ner.Features;

/// <summary>What a nearby word says about the name next to it.</summary>
internal enum CueClass : byte
{
    None = 0,

    /// <summary>Titles, ranks, roles and forms of address that precede a person's name (Presiden, Bapak, Kapolda).</summary>
    PersonTitle,

    /// <summary>Verbs of saying that follow or precede the speaker (kata, ujarnya, menurut).</summary>
    Speech,

    /// <summary>Heads and suffixes of organisation names (PT, Universitas, Kementerian, Tbk).</summary>
    OrganizationHead,

    /// <summary>Heads of place names (Kabupaten, Kota, Jalan, Pulau, Gunung).</summary>
    LocationHead,

    /// <summary>Prepositions that introduce places (di, ke, dari).</summary>
    PlacePreposition,

    /// <summary>Function words that rarely belong to a name (yang, dan, ini).</summary>
    FunctionWord,
}

/// <summary>
/// Word lists of Indonesian (and common English) cues, written for this project. They give the model
/// features that generalise across names it never saw: the list membership is a feature, the weight is learned.
/// </summary>
internal static class IndonesianCues
{
    private static readonly string[] PersonTitles =
    [
        "presiden", "wapres", "menteri", "menko", "mendagri", "menlu", "menkeu", "gubernur", "wagub", "bupati",
        "wabup", "walikota", "wali", "wawali", "camat", "lurah", "kades", "bapak", "pak", "ibu", "bu", "saudara",
        "sdr", "tuan", "nyonya", "nona", "haji", "h", "hj", "kh", "ustaz", "ustadz", "kiai", "kyai", "dr", "prof",
        "ir", "drs", "jenderal", "jend", "letjen", "mayjen", "brigjen", "kolonel", "letkol", "mayor", "kapten",
        "kombes", "akbp", "kompol", "irjen", "komjen", "aipda", "bripka", "briptu", "kapolri", "kapolda",
        "kapolres", "kapolsek", "panglima", "pangdam", "kasad", "kasal", "kasau", "ketua", "ketum", "wakil",
        "sekjen", "direktur", "dirut", "ceo", "pelatih", "kepala", "kadis", "raja", "ratu", "pangeran", "sultan",
        "paus", "uskup", "pendeta", "romo", "syekh", "habib", "gus", "mbak", "mas", "bang", "kak", "om", "tante",
        "dokter", "senator", "politikus", "politisi", "artis", "penyanyi", "aktor", "aktris", "striker",
        "gelandang", "kiper", "pemain", "pebulu", "petenis", "hakim", "jaksa", "pengacara", "kuasa", "juru",
        "jubir", "kabid", "kasat", "kasubdit", "kapuspen", "mr", "mrs", "ms", "sir", "president", "minister",
        "governor", "mayor", "chairman", "coach", "almarhum", "mendiang", "sang", "si", "putra", "putri", "istri",
        "suami", "anak", "adik", "kakak", "ayah", "ayahanda", "ibunda", "bunda", "perdana", "penulis", "pendiri",
    ];

    private static readonly string[] SpeechWords =
    [
        "kata", "katanya", "ujar", "ujarnya", "ucap", "ucapnya", "tutur", "tuturnya", "jelas", "jelasnya",
        "ungkap", "ungkapnya", "tegas", "tegasnya", "imbuh", "imbuhnya", "tambah", "tambahnya", "sebut",
        "sebutnya", "terang", "terangnya", "papar", "paparnya", "menurut", "mengatakan", "menjelaskan",
        "menegaskan", "mengungkapkan", "menyampaikan", "menyebutkan", "said", "says", "told",
    ];

    private static readonly string[] OrganizationHeads =
    [
        "pt", "cv", "tbk", "persero", "universitas", "univ", "institut", "politeknik", "sekolah", "sma", "smp",
        "smk", "sd", "madrasah", "pesantren", "kementerian", "kemenkes", "kemendagri", "kemenkeu", "dinas",
        "badan", "komisi", "partai", "bank", "persatuan", "asosiasi", "ikatan", "himpunan", "yayasan", "lembaga",
        "dewan", "majelis", "mahkamah", "pengadilan", "kejaksaan", "kejati", "kejari", "kepolisian", "polda",
        "polres", "polresta", "polsek", "polri", "tni", "kodam", "korem", "kodim", "dpr", "dprd", "mpr", "dpd",
        "pemkot", "pemkab", "pemprov", "pemda", "rs", "rsud", "direktorat", "ditjen", "komite", "federasi",
        "serikat", "koperasi", "grup", "group", "inc", "ltd", "corp", "co", "fc", "klub", "perum", "perusahaan",
        "organisasi", "kantor", "biro", "markas", "satuan", "satgas", "tim", "liga", "university", "ministry",
        "council", "agency", "association", "company", "bumn", "ormas", "fraksi", "kabinet", "gereja", "pengurus",
    ];

    private static readonly string[] LocationHeads =
    [
        "kabupaten", "kab", "kota", "kotamadya", "provinsi", "prov", "desa", "kelurahan", "kecamatan", "kampung",
        "dusun", "jalan", "jl", "gang", "gunung", "sungai", "danau", "pulau", "kepulauan", "selat", "teluk",
        "laut", "samudra", "samudera", "pantai", "bandara", "pelabuhan", "stasiun", "terminal", "pasar", "taman",
        "masjid", "candi", "kawasan", "wilayah", "daerah", "negara", "negeri", "benua", "tanjung", "bukit",
        "lembah", "kali", "kompleks", "gedung", "lapangan", "stadion", "jembatan", "tol", "simpang", "bundaran",
        "perumahan", "blok", "rt", "rw", "distrik", "regency", "province", "city", "island", "street", "utara",
        "selatan", "timur", "barat", "tengah", "raya",
    ];

    private static readonly string[] PlacePrepositions = ["di", "ke", "dari", "menuju", "asal", "sekitar", "dekat", "in", "at", "from", "to"];

    private static readonly string[] FunctionWords =
    [
        "yang", "dan", "atau", "ini", "itu", "tersebut", "dengan", "untuk", "pada", "dalam", "akan", "telah",
        "sudah", "juga", "tidak", "bahwa", "adalah", "oleh", "para", "sebagai", "karena", "saat", "ia", "dia",
        "mereka", "kami", "kita", "saya", "the", "and", "of",
    ];

    // A small open-addressing table (looked up once per token, so cheaper than a general dictionary).
    private const int SlotBits = 11;
    private static readonly (ulong Key, CueClass Cue)[] Slots = Build();

    public static CueClass Classify(ulong lowerWordHash)
    {
        const int mask = (1 << SlotBits) - 1;
        var slot = SlotOf(lowerWordHash);
        while (true)
        {
            ref readonly var entry = ref Slots[slot];
            if (entry.Key == lowerWordHash)
            {
                return entry.Cue;
            }

            if (entry.Cue == CueClass.None)
            {
                return CueClass.None;
            }

            slot = (slot + 1) & mask;
        }
    }

    private static int SlotOf(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    private static (ulong Key, CueClass Cue)[] Build()
    {
        var map = new Dictionary<ulong, CueClass>();
        // Later lists do not override earlier ones: a word keeps its most name-specific class.
        AddAll(map, PersonTitles, CueClass.PersonTitle);
        AddAll(map, OrganizationHeads, CueClass.OrganizationHead);
        AddAll(map, LocationHeads, CueClass.LocationHead);
        AddAll(map, SpeechWords, CueClass.Speech);
        AddAll(map, PlacePrepositions, CueClass.PlacePreposition);
        AddAll(map, FunctionWords, CueClass.FunctionWord);
        var slots = new (ulong, CueClass)[1 << SlotBits];
        foreach (var (key, cue) in map)
        {
            var slot = SlotOf(key);
            while (slots[slot].Item2 != CueClass.None)
            {
                slot = (slot + 1) & ((1 << SlotBits) - 1);
            }

            slots[slot] = (key, cue);
        }

        return slots;
    }

    private static void AddAll(Dictionary<ulong, CueClass> map, string[] words, CueClass cue)
    {
        foreach (var word in words)
        {
            map.TryAdd(FeatureHash.LowerText(word), cue);
        }
    }
}
