using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Tests.Documents;

public sealed class IndexedDocumentTests
{
    [Fact]
    public void Names_lose_control_characters_and_surrounding_space_and_repeat_only_once()
    {
        var document = TestArticles.Create("a.txt", "Judul", "Joko Widodo bertemu Prabowo di Jakarta.",
            sources: ["Antara\u0001", " Antara ", "Reuters"],
            entities: [("Joko\u0007 Widodo", "Person"), ("Joko Widodo", "Person"), ("Jakarta", "Location")]);

        var indexed = IndexedDocument.Prepare(document);

        Assert.Equal(["Antara", "Reuters"], indexed.Sources);
        Assert.Equal(["Joko Widodo", "Jakarta"], indexed.Entities);
    }
}
