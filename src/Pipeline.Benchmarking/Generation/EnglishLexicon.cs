namespace Pipeline.Benchmarking.Generation;

internal static class EnglishLexicon
{
    public static Lexicon Instance { get; } = new(
        Language: "en",
        GivenNames: ["Michael", "Sarah", "David", "Laura", "James", "Emily", "Robert", "Hannah", "Daniel", "Grace", "Thomas", "Olivia", "Peter", "Megan"],
        FamilyNames: ["Whitfield", "Carrington", "Holloway", "Pemberton", "Ashford", "Kendrick", "Marlow", "Thornbury", "Radcliffe", "Fairbanks", "Linwood", "Castell"],
        Roles: ["Finance Minister", "chief executive", "port director", "spokeswoman", "senior economist", "city council leader", "transport commissioner", "central bank governor", "union representative", "chief analyst"],
        Organisations: ["the Ministry of Trade", "the Port Authority", "the Central Statistics Office", "the National Weather Service", "the Regional Transport Board", "the Harbour Workers Union", "the Energy Regulatory Commission", "the Chamber of Commerce"],
        Places: ["Singapore", "Sydney", "Manila", "Kuala Lumpur", "Bangkok", "Auckland", "Hong Kong", "Perth", "Hanoi", "Colombo", "Brisbane", "Darwin"],
        Agencies: ["Reuters", "AP", "AFP"],
        Subjects: ["container volumes", "rice prices", "commuter rail services", "fuel subsidies", "housing approvals", "water supplies", "small business lending", "airport capacity", "coffee exports", "electricity tariffs", "bridge repairs", "flood defences"],
        Days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        Months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        HeadlineTemplates:
        [
            "{Subject} in {place} rise {percent} percent as demand holds up",
            "{org} to review {subject} after complaints from {place}",
            "{place} sets aside {number} million dollars for {subject}",
            "Officials warn of pressure on {subject} in {place}",
            "{Subject} slow in {place} for a third month",
        ],
        LeadTemplates:
        [
            "{Subject} in {place} rose about {percent} percent last month, {org} said on {day}, the strongest gain since the start of the year.",
            "{role} {person} said on {day} the government would announce new measures on {subject} after weeks of complaints in {place}.",
            "{org} will meet on {day} to discuss {subject}, which officials in {place} say has fallen behind schedule.",
        ],
        SentenceTemplates:
        [
            "According to {person}, about {number} households in {place} are directly affected.",
            "Figures from {org} show the level is the highest in three years.",
            "An extra {number} thousand dollars has been requested from the national budget, the {role} added.",
            "Traders at the main market in {place} said their sales had fallen by as much as {percent} percent.",
            "Inspectors are expected to begin checks on {day} next week.",
            "{role} {person} urged residents not to panic and to follow official updates from {org}.",
            "The policy will be reviewed after {number} days.",
            "Business groups want clarity on {subject} before the end of the year.",
            "As of {day} evening, {org} had given no further details about the timetable.",
            "Residents on the edge of {place} said queues had formed before dawn.",
            "A similar approach was tried in {place} last year and was broadly seen as a success.",
            "Analysts say {subject} will need cooperation between regions if the problem is not to return.",
        ],
        QuoteTemplates:
        [
            "We will track {subject} every day and report openly on what we find",
            "There is no reason to delay the repairs, people in {place} have waited long enough",
            "We are working closely with {org} so that this is resolved quickly",
            "The number is up, but it is still well within what we can manage",
        ],
        SpeechVerbs: ["said", "told reporters", "said in a statement", "added"],
        SiteNames: ["The Harbour Times", "Daily Ledger", "Coastline News"],
        SectionNames: ["World", "Business", "Markets", "Cities", "Sport", "Technology", "Lifestyle", "Opinion"]);
}
