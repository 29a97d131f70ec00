using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pipeline.Storage;
using Pipeline.Testing.Processes;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.BrowserTests;

/// <summary>
/// The search page in a real browser against a running embedded pipeline (real inbox, in-memory bus, SQLite):
/// articles dropped as files are searched, paged, filtered and narrowed by facets, and text from an article is
/// shown as text, never run.
/// </summary>
[Collection(BrowserFixture.CollectionName)]
public sealed class SearchPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int FerryArticles = 12;
    private const int AllArticles = FerryArticles + 3;
    private static readonly float Deadline = 60_000;

    private EmbeddedSite? _site;

    public async Task InitializeAsync()
    {
        _site = await EmbeddedSite.StartAsync(browser, "pipeline-search-page-", new ViewportSize { Width = 1400, Height = 1000 });
        var inbox = _site.Inbox;
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), TimeSpan.FromSeconds(30), "the pipeline creates its inbox");
        for (var i = 0; i < FerryArticles; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"ferry-{i}.txt"), Articles.Ferry(i));
        await File.WriteAllTextAsync(Path.Combine(inbox, "hostile.txt"), Articles.Hostile);
        await File.WriteAllTextAsync(Path.Combine(inbox, "banjir-jakarta.txt"), Articles.FloodJakarta);
        await File.WriteAllTextAsync(Path.Combine(inbox, "banjir-bekasi.txt"), Articles.FloodBekasi);
        var store = _site.App.Services.GetRequiredService<IArticleStore>();
        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) == AllArticles, TimeSpan.FromSeconds(90), "every dropped article is stored");
    }

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    [Fact]
    public async Task Words_find_ranked_highlighted_results_with_total_and_pages()
    {
        var page = await _site!.Context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#search-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search$"));

        await page.Locator("#q").FillAsync("ferry");
        await page.Locator("#q").PressAsync("Enter");

        var results = page.Locator("#results > li");
        await Expect(page.Locator("#total")).ToHaveTextAsync($"{FerryArticles + 1} articles", new() { Timeout = Deadline });
        await Expect(results).ToHaveCountAsync(10);
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Page 1 of 2");
        await Expect(page.Locator("#previous")).ToBeDisabledAsync();
        // Every highlight marks the searched word, inside the snippet.
        var marks = await page.Locator("#results .snippet mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Equal("ferry", mark, ignoreCase: true));
        var firstPage = await results.Locator(".title").AllTextContentsAsync();
        await page.Locator("#results").ScreenshotAsync(new() { Path = Screenshots.PathFor("search.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("search-page.png"), FullPage = true });

        await page.Locator("#next").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2"));
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Page 2 of 2", new() { Timeout = Deadline });
        await Expect(results).ToHaveCountAsync(FerryArticles + 1 - 10);
        var secondPage = await results.Locator(".title").AllTextContentsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));

        // Back returns to the first page: the search lives in the address.
        await page.GoBackAsync();
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Page 1 of 2", new() { Timeout = Deadline });
        await Expect(page.Locator("#q")).ToHaveValueAsync("ferry");
    }

    [Fact]
    public async Task Filters_and_facets_narrow_the_results()
    {
        var page = await _site!.Context.NewPageAsync();
        await page.GotoAsync("/search?q=banjir");
        await Expect(page.Locator("#total")).ToHaveTextAsync("2 articles", new() { Timeout = Deadline });

        // Source: only the ANTARA article.
        await page.Locator("#source").FillAsync("ANTARA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync("1 article", new() { Timeout = Deadline });
        await Expect(page.Locator("#results .title")).ToHaveTextAsync("Banjir Rendam Permukiman di Jakarta Utara");

        // Date range: only the article published in April.
        await page.Locator("#clear-filters").ClickAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync("2 articles", new() { Timeout = Deadline });
        await page.Locator("#from").FillAsync("2024-04-01");
        await Expect(page.Locator("#total")).ToHaveTextAsync("1 article", new() { Timeout = Deadline });
        await Expect(page.Locator("#results .title")).ToHaveTextAsync("Warga Bekasi Mengungsi karena Banjir Setinggi Satu Meter");
        await page.Locator("#clear-filters").ClickAsync();

        // Language, from its facet over every article: the Indonesian two.
        await page.Locator("#q").FillAsync("");
        await page.Locator("#q").PressAsync("Enter");
        await Expect(page.Locator("#total")).ToHaveTextAsync($"{AllArticles} articles", new() { Timeout = Deadline });
        await page.Locator(".facet[data-facet=languages] button[data-value=id]").ClickAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync("2 articles", new() { Timeout = Deadline });
        await Expect(page.Locator("#lang")).ToHaveValueAsync("id");
        await Expect(page.Locator(".facet[data-facet=languages] button[data-value=id]")).ToHaveAttributeAsync("aria-pressed", "true");

        // Entity, from its facet: every result mentions the entity the facet counted.
        var entity = page.Locator(".facet[data-facet=entities] button").First;
        var name = await entity.GetAttributeAsync("data-value");
        var count = await entity.Locator("xpath=following-sibling::span[@class='count']").TextContentAsync();
        await entity.ClickAsync();
        await Expect(page.Locator("#entity")).ToHaveValueAsync(name!);
        await Expect(page.Locator("#total")).ToHaveTextAsync(count == "1" ? "1 article" : $"{count} articles", new() { Timeout = Deadline });
        foreach (var href in await page.Locator("#results .raw").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"))
        {
            var article = await ArticleAsync(page, href);
            var entities = article.GetProperty("article").GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString());
            Assert.Contains(name, entities, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Markup_in_an_article_is_shown_as_text_never_run()
    {
        var page = await _site!.Context.NewPageAsync();
        await page.GotoAsync("/search?q=timetable");

        var title = page.Locator("#results .title");
        await Expect(title).ToHaveTextAsync(Articles.HostileTitle, new() { Timeout = Deadline });
        await Expect(page.Locator("#results .snippet")).ToContainTextAsync(Articles.HostileMarkup);
        await Expect(page.Locator("#results .snippet mark")).ToHaveTextAsync("timetable");
        Assert.Equal(0, await page.Locator("#results script, #results img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        await page.Locator("#results").ScreenshotAsync(new() { Path = Screenshots.PathFor("search-escaped.png") });

        // The title opens the article: every field as text too.
        await title.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/search/article\?id=[0-9a-f-]{36}$"));
        await Expect(page.Locator("#title")).ToHaveTextAsync(Articles.HostileTitle, new() { Timeout = Deadline });
        await Expect(page.Locator("#body")).ToContainTextAsync(Articles.HostileMarkup);
        await Expect(page.Locator("#body p")).ToHaveCountAsync(2);
        await Expect(page.Locator("#body p").Last).ToHaveTextAsync(new Regex("^Extra sailings"));
        await Expect(page.Locator("#path")).ToHaveTextAsync("hostile.txt");
        Assert.Equal(0, await page.Locator("#article script, #article img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("article-escaped.png"), FullPage = true });

        // It links to the whole stored document, and back to the search it came from.
        var article = await ArticleAsync(page, (await page.Locator("#raw").GetAttributeAsync("href"))!);
        Assert.Equal(Articles.HostileTitle, article.GetProperty("article").GetProperty("title").GetString());
        await page.Locator("#back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=timetable$"));
        await Expect(page.Locator("#results .title")).ToHaveTextAsync(Articles.HostileTitle, new() { Timeout = Deadline });
    }

    private static async Task<JsonElement> ArticleAsync(IPage page, string href)
    {
        Assert.Matches("^/api/articles/[0-9a-f-]{36}$", href);
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.Clone();
    }
}
