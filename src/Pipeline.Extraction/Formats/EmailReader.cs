using System.Globalization;
using MimeKit;

namespace Pipeline.Extraction.Formats;

/// <summary>E-mailed articles (.eml): the subject is the title, the sender the author, the date the publication time; the text part is preferred over the HTML part.</summary>
internal static class EmailReader
{
    public static ParsedDocument Read(ReadOnlySpan<byte> bytes, HtmlArticleReader html)
    {
        MimeMessage message;
        using (var stream = new MemoryStream(bytes.ToArray(), writable: false))
        {
            try
            {
                message = MimeMessage.Load(stream);
            }
            catch (FormatException ex)
            {
                throw new ExtractionRejectedException($"The e-mail could not be parsed: {ex.Message}", "Save the message again as an .eml file from the mail program.");
            }
        }
        ParsedDocument doc;
        if (!string.IsNullOrWhiteSpace(message.TextBody))
            doc = PlainTextReader.Read(message.TextBody, new ParsedDocument { MediaType = "message/rfc822" }, firstBlockIsTitle: false);
        else if (!string.IsNullOrWhiteSpace(message.HtmlBody))
            doc = html.ReadFragment(message.HtmlBody, "message/rfc822");
        else
            throw new ExtractionRejectedException("The e-mail has no text or HTML part to read an article from.", "Forward the article in the message body rather than as an attachment.");

        if (!string.IsNullOrWhiteSpace(message.Subject))
            doc.Title = message.Subject.Trim();
        if (message.Date != DateTimeOffset.MinValue)
            doc.PublishedAt ??= message.Date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        foreach (var sender in message.From.Mailboxes)
            doc.Authors.Add(string.IsNullOrWhiteSpace(sender.Name) ? sender.Address : sender.Name);
        return doc;
    }
}
