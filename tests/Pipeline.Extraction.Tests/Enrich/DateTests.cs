using Pipeline.Extraction.Enrich;

namespace Pipeline.Extraction.Tests.Enrich;

public sealed class DateTests
{
    private static readonly DateOnly Reference = new(2024, 6, 20);

    [Theory]
    [InlineData("Rapat digelar Senin (17/6/2024) pagi.", "2024-06-17")]
    [InlineData("Rapat digelar pada 14 Juni 2024.", "2024-06-14")]
    [InlineData("The meeting was held on June 14, 2024.", "2024-06-14")]
    [InlineData("The meeting was held on March 3rd, 2023 in Rome.", "2023-03-03")]
    [InlineData("Jadwal: 2024-05-01 pukul 10.00.", "2024-05-01")]
    [InlineData("Diumumkan 5/3/24 oleh panitia.", "2024-03-05")]
    [InlineData("kata Stoltenberg, Jumat, 14 Juni.", "2024-06-14")]
    [InlineData("Sidang berlangsung Kamis, 13 Juni.", "2024-06-13")]
    [InlineData("It happened on Friday, June 14.", "2024-06-14")]
    public void Dates_in_prose_are_found(string text, string expected) =>
        Assert.Equal(expected, DateFinder.FindFirst(text, Reference));

    [Fact]
    public void The_year_follows_from_the_weekday_nearest_not_after_the_reference()
    {
        // 14 June was a Friday in 2019 and 2024; from a 2023 reference the answer is 2019, from 2024 on it is 2024.
        Assert.Equal(new DateOnly(2019, 6, 14), DateFinder.InferYear(14, 6, DayOfWeek.Friday, new DateOnly(2023, 12, 31)));
        Assert.Equal(new DateOnly(2024, 6, 14), DateFinder.InferYear(14, 6, DayOfWeek.Friday, new DateOnly(2024, 6, 14)));
        Assert.Equal(new DateOnly(2019, 6, 14), DateFinder.InferYear(14, 6, DayOfWeek.Friday, new DateOnly(2024, 6, 13)));
    }

    [Fact]
    public void Without_a_weekday_the_latest_year_not_after_the_reference_is_taken()
    {
        Assert.Equal("2023-12-30", DateFinder.FindFirst("Acara 30 Desember lalu.", Reference));
        Assert.Equal("2024-01-05", DateFinder.FindFirst("Acara 5 Januari lalu.", Reference));
    }

    [Fact]
    public void Without_a_reference_a_date_without_year_stays_unknown()
    {
        Assert.Null(DateFinder.FindFirst("Jumat, 14 Juni.", null));
        Assert.Null(DateFinder.FindFirst("Satu per dua adalah 1/2.", Reference));
    }

    [Fact]
    public void Relative_words_resolve_against_the_anchor()
    {
        Assert.Equal("2024-06-19", DateFinder.FindFirst("Kebakaran terjadi kemarin sore.", Reference));
        Assert.Equal("2024-06-20", DateFinder.FindFirst("The vote is today.", Reference));
        Assert.Null(DateFinder.FindFirst("The vote is today.", null));
    }

    [Fact]
    public void Article_date_uses_the_file_reference_date()
    {
        var article = Extract.Text("Judul\nJAKARTA - Rapat digelar Jumat, 14 Juni, di Jakarta.", reference: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("2019-06-14", article.PublishedAt);
    }

    [Theory]
    [InlineData("2024-06-14T09:30:00+07:00", "2024-06-14T09:30:00+07:00")]
    [InlineData("2024-06-14", "2024-06-14")]
    [InlineData("Fri, 14 Jun 2024 02:30:00 GMT", "2024-06-14T02:30:00+00:00")]
    public void Machine_dates_are_normalised(string raw, string expected) =>
        Assert.Equal(expected, DateFinder.NormaliseMachineDate(raw));
}
