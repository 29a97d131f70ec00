using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit.Serialization;
using Pipeline.Contracts;

namespace Pipeline.Messaging.Tests;

/// <summary>
/// The hand-written converters of the article's small records (entities, mentions, quotes) must write what
/// System.Text.Json writes for the same shape, under each set of options the pipeline uses, and read it back.
/// </summary>
public sealed class ContractJsonConvertersTests
{
    private static readonly Entity Budi = new("Budi Santoso", EntityTypes.Person, [new Mention("Budi Santoso", 12, 12), new Mention("Budi", 80, 4)]);
    private static readonly Quote Named = new("Kami siaga", "Budi Santoso", 30, 10);
    private static readonly Quote Unnamed = new("Air naik", null, 95, 8);

    public static TheoryData<string> OptionSets => new(nameof(MassTransitOptions), nameof(WebOptions), nameof(DeclaredNames));

    private static JsonSerializerOptions MassTransitOptions => SystemTextJsonMessageSerializer.Options;
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions DeclaredNames = new();

    private static JsonSerializerOptions Options(string name) => name switch
    {
        nameof(MassTransitOptions) => MassTransitOptions,
        nameof(WebOptions) => WebOptions,
        _ => DeclaredNames,
    };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Entities_are_written_as_System_Text_Json_writes_the_same_shape(string optionSet)
    {
        var options = Options(optionSet);
        var shape = new { Budi.Name, Budi.Type, Mentions = Budi.Mentions.Select(m => new { m.Text, m.Start, m.Length }).ToList() };

        Assert.Equal(JsonSerializer.Serialize(shape, options), JsonSerializer.Serialize(Budi, options));
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Quotes_are_written_as_System_Text_Json_writes_the_same_shape_a_missing_speaker_included(string optionSet)
    {
        var options = Options(optionSet);
        foreach (var quote in new[] { Named, Unnamed })
        {
            var shape = new { quote.Text, quote.Speaker, quote.Start, quote.Length };
            Assert.Equal(JsonSerializer.Serialize(shape, options), JsonSerializer.Serialize(quote, options));
        }
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void What_is_written_reads_back_the_same(string optionSet)
    {
        var options = Options(optionSet);

        var entity = JsonSerializer.Deserialize<Entity>(JsonSerializer.Serialize(Budi, options), options)!;
        var quotes = JsonSerializer.Deserialize<Quote[]>(JsonSerializer.Serialize(new[] { Named, Unnamed }, options), options)!;

        Assert.Equal((Budi.Name, Budi.Type), (entity.Name, entity.Type));
        Assert.Equal(Budi.Mentions, entity.Mentions);
        Assert.Equal(new[] { Named, Unnamed }, quotes);
    }

    [Fact]
    public void Names_are_read_whatever_their_case_or_escaping_and_unknown_properties_are_skipped()
    {
        const string json = """
            {"NAME":"Jakarta","\u0074ype":"Location","rank":{"deep":[1,2]},"Mentions":[{"LENGTH":7,"text":"Jakarta","Start":"0","extra":null}]}
            """;

        var entity = JsonSerializer.Deserialize<Entity>(json, WebOptions)!;

        Assert.Equal(("Jakarta", EntityTypes.Location), (entity.Name, entity.Type));
        Assert.Equal(new[] { new Mention("Jakarta", 0, 7) }, entity.Mentions);
    }

    [Fact]
    public void An_entity_without_mentions_or_with_null_ones_reads_with_none()
    {
        var without = JsonSerializer.Deserialize<Entity>("""{"name":"ANTARA","type":"Organization"}""", WebOptions)!;
        var withNull = JsonSerializer.Deserialize<Entity>("""{"name":"ANTARA","type":"Organization","mentions":null}""", WebOptions)!;

        Assert.Empty(without.Mentions);
        Assert.Empty(withNull.Mentions);
    }

    [Theory]
    [InlineData("""{"start":1,"length":2}""", "mention", "text")]
    [InlineData("""{"name":"Budi","mentions":[]}""", "entity", "type")]
    [InlineData("""{"speaker":"Budi","start":1,"length":2}""", "quote", "text")]
    public void A_record_missing_a_required_property_is_refused_with_its_name(string json, string what, string property)
    {
        Type type = what switch { "mention" => typeof(Mention), "entity" => typeof(Entity), _ => typeof(Quote) };

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, WebOptions));

        Assert.Contains($"A {what} needs its \"{property}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_written_as_a_string_that_is_no_number_is_refused_as_bad_JSON()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Mention>("""{"text":"a","start":"dua","length":1}""", WebOptions));

        Assert.Contains("\"dua\" is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_that_is_not_an_object_is_refused()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Entity>("""{"name":"a","type":"b","mentions":[3]}""", WebOptions));

        Assert.Contains("A mention must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_a_naming_policy_of_its_own_the_names_follow_that_policy()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

        Assert.Equal(JsonSerializer.Serialize(new { Unnamed.Text, Unnamed.Speaker, Unnamed.Start, Unnamed.Length }, options), JsonSerializer.Serialize(Unnamed, options));
    }
}
