using System.Collections.Frozen;

namespace Pipeline.Extraction.Enrich;

/// <summary>Function words per language: used to tell the language and to keep them out of keywords and summaries.</summary>
internal static class StopWords
{
    public static readonly FrozenSet<string> Indonesian = Set(
        "yang dan di ke dari untuk dengan pada ini itu dalam tidak akan juga ada adalah oleh karena sebagai atau " +
        "bahwa kata telah sudah bisa dapat para lebih tersebut saat mereka kami kita ia dia saya anda kamu namun " +
        "tetapi tapi agar jika kalau maka serta hingga sampai bagi antara lain seperti sejak setelah sebelum ketika " +
        "masih belum harus pun lagi hanya semua setiap banyak sangat secara menjadi merupakan yaitu yakni atas bawah " +
        "tak pula tentang terhadap melalui sementara selama bahkan sendiri begitu demikian apa siapa mengapa bagaimana " +
        "kapan dimana mana nya akan tahun hari bulan orang ujar ucap ungkap jelas tutur menurut mengatakan katanya " +
        "ucapnya ujarnya ungkapnya jelasnya tuturnya pihaknya beberapa sebuah seorang salah satu dua tiga baru yg " +
        "punya kembali pernah sedang masing tengah usai guna demi pula lalu kini nanti senin selasa rabu kamis jumat " +
        "sabtu minggu januari februari maret april mei juni juli agustus september oktober november desember");

    public static readonly FrozenSet<string> English = Set(
        "the a an and or but of to in on at for with by from as is are was were be been being has have had do does " +
        "did not no this that these those it its he she they we you i his her their our your my him them us who whom " +
        "which what when where why how all any both each few more most other some such than too very can will would " +
        "should could may might must shall said says say also about after before into over under again further then " +
        "once here there out up down off just only own same so if while because until against between through during " +
        "above below new one two three year years told according last first monday tuesday wednesday thursday friday " +
        "saturday sunday january february march april may june july august september october november december mr mrs");

    // Tiny markers for other languages: enough to say "not Indonesian, not English" roughly.
    public static readonly FrozenSet<string> Malay = Set("ialah kerana beliau boleh iaitu selepas semasa kerajaan bagaimanapun");
    public static readonly FrozenSet<string> German = Set("der die das und ist nicht mit sich auf für ein eine dem den von zu");
    public static readonly FrozenSet<string> French = Set("le la les et est une des du pour dans qui que pas sur avec au ce");
    public static readonly FrozenSet<string> Spanish = Set("el la los las y es una del para en que por con no se su al");
    public static readonly FrozenSet<string> Dutch = Set("de het een en is van niet met op voor dat zijn er aan ook");

    // One lookup for either language: every word of an article is checked.
    private static readonly FrozenSet<string> Either = Indonesian.Union(English).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopWord(ReadOnlySpan<char> lowerWord) => Either.Has(lowerWord);

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
