namespace Pipeline.Benchmarking.Generation;

/// <summary>
/// The words one language's articles are made of: names, places, organisations, subjects, and sentence
/// templates with slots ({person}, {role}, {org}, {place}, {subject}, {number}, {percent}, {day}).
/// All of it is written for this project; the names are invented combinations of common given and family names.
/// </summary>
internal sealed record Lexicon(
    string Language,
    string[] GivenNames,
    string[] FamilyNames,
    string[] Roles,
    string[] Organisations,
    string[] Places,
    string[] Agencies,
    string[] Subjects,
    string[] Days,
    string[] Months,
    string[] HeadlineTemplates,
    string[] LeadTemplates,
    string[] SentenceTemplates,
    string[] QuoteTemplates,
    string[] SpeechVerbs,
    string[] SiteNames,
    string[] SectionNames);
