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
}
