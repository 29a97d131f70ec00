using Pipeline.Storage.Text;

namespace Pipeline.Storage.Documents;

/// <summary>Turns a stored row into a search hit with its snippet; the same for both stores.</summary>
internal sealed class HitFactory(SnippetBuilder snippets)
{
    public SearchHit Create(Guid documentId, byte[] packedArticle, double score, IReadOnlySet<string> highlightTerms)
    {
        var article = DocumentCodec.UnpackArticle(packedArticle);
        var (snippet, highlights) = snippets.Build(article.Body, article.Language, highlightTerms);
        return new SearchHit(documentId, article.Title, article.PublishedAt, article.Language, score, snippet, article.Source.Path)
        {
            Highlights = highlights,
        };
    }
}
