using System.Text;

namespace Pipeline.ReliabilityTests;

/// <summary>The files a chaos run drops: good articles, the same content again under other names, and bad input.</summary>
internal static class ChaosFiles
{
    /// <summary>Kinds of bad input, each of which must end in quarantine with a reason.</summary>
    private static readonly (string Extension, Func<int, byte[]> Content)[] BadKinds =
    [
        (".txt", _ => []),
        (".txt", i => [0x00, 0xFF, 0x10, 0x00, .. BitConverter.GetBytes(i), 0x00, 0x00, 0xFE, 0x7F, 0x00]),
        (".json", i => Encoding.UTF8.GetBytes($"{{\"title\": \"Berita {i}\", \"body\": [unclosed")),
        (".html", i => Encoding.UTF8.GetBytes($"<html><head><title>Menu {i}</title></head><body><nav><a href=\"/\">Beranda</a></nav></body></html>")),
    ];

    public static int BadKindCount => BadKinds.Length;

    public static void WriteGood(string inbox, int number) =>
        File.WriteAllText(Path.Combine(inbox, $"berita {number:D6}.txt"), Articles.Create(number));

    /// <summary>Same bytes as good article <paramref name="number"/>, another name: recognised, not stored twice.</summary>
    public static void WriteDuplicate(string inbox, int number) =>
        File.WriteAllText(Path.Combine(inbox, $"salinan {number:D6}.txt"), Articles.Create(number));

    public static void WriteBad(string inbox, int number)
    {
        var (extension, content) = BadKinds[number % BadKinds.Length];
        File.WriteAllBytes(Path.Combine(inbox, $"rusak {number:D6}{extension}"), content(number));
    }
}
