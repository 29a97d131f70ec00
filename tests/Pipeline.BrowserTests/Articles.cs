using System.Globalization;

namespace Pipeline.BrowserTests;

/// <summary>Short articles written for these tests; each number gives different content, so a different document.</summary>
internal static class Articles
{
    public static string Ferry(int number) => string.Create(CultureInfo.InvariantCulture, $"""
        Ferry service {number} resumes after storm damage is repaired

        MERAK - The ferry crossing number {number} between Merak and Bakauheni resumed on Friday after repairs to a
        loading ramp damaged in last week's storm, the operator said.

        Queues of trucks that had waited for two days began to clear by the afternoon, and the operator added extra
        sailings through the night to carry the backlog.
        """);

    /// <summary>Markup in an article's own text: the search page must show it as text, never run it.</summary>
    public const string HostileTitle = "Ferry timetable <script>document.title='pwned'</script> changes for the holidays";

    public const string HostileMarkup = "<img src=x onerror=\"document.title='pwned'\">";

    public static string Hostile { get; } = $"""
        {HostileTitle}

        MERAK - The ferry operator published a new holiday timetable on Monday. A notice pasted on the terminal wall read {HostileMarkup} and passengers photographed it.

        Extra sailings will run every night between Merak and Bakauheni until the end of the holiday season.
        """;

    public const string FloodJakarta = """
        Banjir Rendam Permukiman di Jakarta Utara

        Jakarta (ANTARA) - Banjir setinggi 50 sentimeter merendam permukiman warga di Jakarta Utara pada Senin (4/3/2024) setelah hujan deras mengguyur sejak malam.

        Petugas memompa air dari jalan utama dan membuka posko pengungsian di kantor kelurahan.
        """;

    public const string FloodBekasi = """
        Warga Bekasi Mengungsi karena Banjir Setinggi Satu Meter

        BEKASI, KOMPAS.com - Ratusan warga Bekasi mengungsi setelah banjir setinggi satu meter merendam perumahan mereka pada Kamis (11/4/2024).

        Tanggul sungai di dekat perumahan jebol setelah hujan turun selama sepuluh jam tanpa henti.
        """;
}
