using NotionPS.Ids;
using Xunit;

namespace NotionPS.Tests.Ids;

public class NotionIdParserTests
{
    private const string Database = "1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6";
    private const string DatabaseDashed = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    private const string View = "aaaabbbbccccddddeeeeffff00001111";
    private const string ViewDashed = "aaaabbbb-cccc-dddd-eeee-ffff00001111";
    private const string Page = "92a3b4c5d6e74f1886d7e8f9a0b1c2d3";
    private const string PageDashed = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";

    // Advice every rejection of something that looked like a link or ID must give.
    private const string CopyAdvice = "32 characters";

    public static TheoryData<string, string> DatabaseLinks => new()
    {
        // Bare IDs, in every case and both written forms.
        { Database, DatabaseDashed },
        { Database.ToUpperInvariant(), DatabaseDashed },
        { DatabaseDashed, DatabaseDashed },
        { DatabaseDashed.ToUpperInvariant(), DatabaseDashed },
        { "1A2b3C4d5E6f47A8b9C0d1E2f3A4b5C6", DatabaseDashed },
        // The version nibble is not checked: version-8 and version-0 IDs exist.
        { "1a2b3c4d5e6f87a8b9c0d1e2f3a4b5c6", "1a2b3c4d-5e6f-87a8-b9c0-d1e2f3a4b5c6" },
        { "1a2b3c4d-5e6f-07a8-09c0-d1e2f3a4b5c6", "1a2b3c4d-5e6f-07a8-09c0-d1e2f3a4b5c6" },
        // Workspace links, with and without title words.
        { $"https://www.notion.so/acme/{Database}", DatabaseDashed },
        { $"https://www.notion.so/acme/Tasks-{Database}", DatabaseDashed },
        { $"https://www.notion.so/acme/Team-Task-Board-{Database}", DatabaseDashed },
        { $"https://www.notion.so/acme/Add-Beef-{Database}", DatabaseDashed },
        { $"https://www.notion.so/acme/Q3-2026-{Database}", DatabaseDashed },
        { $"https://www.notion.so/acme/Tasks-{Database}/", DatabaseDashed },
        { $"https://www.notion.so/acme/{DatabaseDashed}", DatabaseDashed },
        { $"https://www.notion.so/acme/Tasks-{DatabaseDashed}", DatabaseDashed },
        { $"https://www.notion.so/acme/T%C3%A2ches-{Database}", DatabaseDashed },
        { $"https://www.notion.so/acme/Tasks-{Database}?pvs=4", DatabaseDashed },
        { $"HTTPS://WWW.NOTION.SO/ACME/TASKS-{Database.ToUpperInvariant()}", DatabaseDashed },
        { $"http://www.notion.so/acme/Tasks-{Database}", DatabaseDashed },
        // No workspace, no scheme.
        { $"notion.so/{Database}", DatabaseDashed },
        { $"https://notion.so/{Database}", DatabaseDashed },
        { $"www.notion.so/acme/Tasks-{Database}", DatabaseDashed },
        // Public sites, app.notion.com and the desktop app.
        { $"https://acme.notion.site/Tasks-{Database}", DatabaseDashed },
        { $"https://app.notion.com/p/Tasks-{Database}?source=copy_link", DatabaseDashed },
        { $"app.notion.com/p/{Database}", DatabaseDashed },
        { $"notion://www.notion.so/acme/Tasks-{Database}", DatabaseDashed },
        // A block fragment does not change which database the link is.
        { $"https://www.notion.so/acme/Tasks-{Database}#{Page}", DatabaseDashed },
        { $"https://www.notion.so/acme/Tasks-{Database}?v={View}#{Page}", DatabaseDashed },
        // What copy-paste wraps around a link.
        { $"  {Database}\t", DatabaseDashed },
        { $"\r\n https://www.notion.so/acme/Tasks-{Database} \n", DatabaseDashed },
        { $"\"https://www.notion.so/acme/Tasks-{Database}\"", DatabaseDashed },
        { $"'{Database}'", DatabaseDashed },
        { $"`{Database}`", DatabaseDashed },
        { $"<https://www.notion.so/acme/Tasks-{Database}>", DatabaseDashed },
        { $"\u201Chttps://www.notion.so/acme/Tasks-{Database}\u201D", DatabaseDashed },
        { $"\u2018{Database}\u2019", DatabaseDashed },
        { $" '<https://www.notion.so/acme/Tasks-{Database}>' ", DatabaseDashed },
        { $"\u200B{Database}\uFEFF", DatabaseDashed },
        // The last segment of a link, copied on its own.
        { $"Tasks-{Database}", DatabaseDashed },
        { $"Tasks-{Database}?v={View}", DatabaseDashed },
    };

    [Theory]
    [MemberData(nameof(DatabaseLinks))]
    public void FindsTheDatabaseIdInEveryForm(string input, string expectedId)
    {
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(input));

        Assert.Equal(expectedId, parsed.Id);
        Assert.Equal(input, parsed.Input);
    }

    public static TheoryData<string, string?, string?> ViewsAndPeeks => new()
    {
        { Database, null, null },
        { $"https://www.notion.so/acme/Tasks-{Database}", null, null },
        { $"https://www.notion.so/acme/{Database}?v={View}", ViewDashed, null },
        { $"https://www.notion.so/acme/Tasks-{Database}?v={View.ToUpperInvariant()}", ViewDashed, null },
        { $"notion://www.notion.so/acme/Tasks-{Database}?v={View}", ViewDashed, null },
        { $"https://www.notion.so/acme/{Database}?v={View}&p={Page}&pm=s", ViewDashed, PageDashed },
        { $"https://www.notion.so/acme/{Database}?pm=s&p={Page}&v={View}", ViewDashed, PageDashed },
        { $"https://www.notion.so/acme/{Database}?p={PageDashed}&pm=s", null, PageDashed },
        // A cut or garbled view does not make the database ID wrong: it is left out, not guessed.
        { $"https://www.notion.so/acme/{Database}?v={View.Substring(1)}", null, null },
        { $"https://www.notion.so/acme/{Database}?v=", null, null },
    };

    [Theory]
    [MemberData(nameof(ViewsAndPeeks))]
    public void KeepsTheViewAndThePeekedRowApartFromTheDatabase(string input, string? expectedView, string? expectedPage)
    {
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(input));

        Assert.Equal(DatabaseDashed, parsed.Id);
        Assert.Equal(expectedView, parsed.ViewId);
        Assert.Equal(expectedPage, parsed.PageId);
    }

    // The problem goes in by name: the enum is internal, and test signatures are public.
    public static TheoryData<string?, string, string[]> BadInputs => new()
    {
        // Nothing given.
        { null, nameof(NotionIdProblem.Empty), ["No URL or ID was given", "Copy link", CopyAdvice] },
        { "", nameof(NotionIdProblem.Empty), ["No URL or ID was given", "Copy link", CopyAdvice] },
        { " \t\r\n", nameof(NotionIdProblem.Empty), ["No URL or ID was given"] },
        { "\"\"", nameof(NotionIdProblem.Empty), ["No URL or ID was given"] },
        { "<>", nameof(NotionIdProblem.Empty), ["No URL or ID was given"] },
        // Text with no ID.
        { "bad", nameof(NotionIdProblem.NoId), ["'bad' is not a Notion link or ID", "Copy link", CopyAdvice] },
        { "Tasks", nameof(NotionIdProblem.NoId), ["'Tasks' is not a Notion link or ID"] },
        { "12345", nameof(NotionIdProblem.NoId), ["'12345' is not a Notion link or ID"] },
        { $"Tasks-{Database.Substring(0, 31)}g", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        { $"the database is {Database}", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        { $"Tasks_{Database}", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        { "https://", nameof(NotionIdProblem.NoId), ["'https://' is not a Notion link or ID"] },
        // A path without a host could be from any site.
        { $"acme/Tasks-{Database}?v={View}", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        { $"localhost/{Database}", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        { $"localhost:7700/{Database}", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        { $"/{Database}", nameof(NotionIdProblem.NoId), ["is not a Notion link or ID"] },
        // A Notion link with no ID in its path.
        { "https://www.notion.so/acme", nameof(NotionIdProblem.NoId), ["is a Notion link, but its path does not end in an ID", "before any '?'", "full page", "Copy link"] },
        { "https://www.notion.so/acme/Tasks", nameof(NotionIdProblem.NoId), ["is a Notion link, but its path does not end in an ID"] },
        { "https://www.notion.so/", nameof(NotionIdProblem.NoId), ["is a Notion link, but its path does not end in an ID"] },
        { $"https://www.notion.so/acme/Tasks{Database}", nameof(NotionIdProblem.NoId), ["its path does not end in an ID"] },
        { $"https://www.notion.so/acme/Tasks#{Database}", nameof(NotionIdProblem.NoId), ["is a Notion link, but its path does not end in an ID"] },
        // Only a view ID: the most common wrong copy.
        { $"https://www.notion.so/acme?v={View}", nameof(NotionIdProblem.ViewIdOnly), ["view ID (after ?v=), not the database ID", "32 characters before the '?'", "Open as full page"] },
        { $"https://www.notion.so/acme/?v={View}", nameof(NotionIdProblem.ViewIdOnly), ["view ID (after ?v=)"] },
        { $"https://www.notion.so/?v={View}&pvs=4", nameof(NotionIdProblem.ViewIdOnly), ["view ID (after ?v=)"] },
        { $"notion.so?v={View}", nameof(NotionIdProblem.ViewIdOnly), ["view ID (after ?v=)"] },
        { $"?v={View}", nameof(NotionIdProblem.ViewIdOnly), ["view ID (after ?v=)"] },
        { $"https://www.notion.so/acme?v={View}&p={Page}&pm=s", nameof(NotionIdProblem.ViewIdOnly), ["view ID (after ?v=)"] },
        // Only the row that was open in a peek.
        { $"https://www.notion.so/acme?p={Page}&pm=s", nameof(NotionIdProblem.PageIdOnly), ["after p=", "not the database ID", "full page", "32 characters before the '?'"] },
        // Runs of hex that are almost an ID: never guessed at.
        { Database.Substring(0, 31), nameof(NotionIdProblem.MalformedId), ["31 hexadecimal characters", "exactly 32", CopyAdvice] },
        { Database + "7", nameof(NotionIdProblem.MalformedId), ["33 hexadecimal characters", "exactly 32", CopyAdvice] },
        { Database.Substring(0, 20), nameof(NotionIdProblem.MalformedId), ["20 hexadecimal characters"] },
        { DatabaseDashed.Substring(0, 35), nameof(NotionIdProblem.MalformedId), [$"'{DatabaseDashed.Substring(0, 35)}'", "31 hexadecimal characters"] },
        { DatabaseDashed + "7", nameof(NotionIdProblem.MalformedId), ["33 hexadecimal characters"] },
        { "1a2b3c4d5e6f-47a8-b9c0-d1e2-f3a4b5c6", nameof(NotionIdProblem.MalformedId), ["32 hexadecimal characters but dashes outside the 8-4-4-4-12 pattern", "32 characters before the '?'"] },
        { $"https://www.notion.so/acme/Tasks-{Database.Substring(1)}?v={View}", nameof(NotionIdProblem.MalformedId), [$"'{Database.Substring(1)}'", "31 hexadecimal characters"] },
        { $"https://www.notion.so/acme/Beef{Database}", nameof(NotionIdProblem.MalformedId), [$"'Beef{Database}'", "36 hexadecimal characters"] },
        { $"https://acme.notion.site/Add-Beef-{Database.Substring(0, 31)}", nameof(NotionIdProblem.MalformedId), ["31 hexadecimal characters"] },
        // Links that are not Notion's.
        { $"https://example.com/acme/Tasks-{Database}", nameof(NotionIdProblem.NotNotionLink), ["links to example.com, not to Notion", "notion.so", "notion.site", "app.notion.com", "bare 32-character ID"] },
        { $"https://notion.so.example.com/{Database}", nameof(NotionIdProblem.NotNotionLink), ["links to notion.so.example.com"] },
        { $"https://notnotion.so/{Database}", nameof(NotionIdProblem.NotNotionLink), ["links to notnotion.so"] },
        { $"example.com/{Database}", nameof(NotionIdProblem.NotNotionLink), ["links to example.com"] },
        { $"ftp://www.notion.so/{Database}", nameof(NotionIdProblem.NotNotionLink), ["is a ftp: link", "https://, http:// and notion://"] },
        { $"file:///home/me/{Database}", nameof(NotionIdProblem.NotNotionLink), ["is a file: link"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void RejectsInputThatDoesNotClearlyHoldADatabaseId(string? input, string expectedProblem, string[] messageParts)
    {
        var rejected = Assert.IsType<RejectedNotionId>(NotionIdParser.Parse(input));

        Assert.Equal(expectedProblem, rejected.Problem.ToString());
        foreach (var part in messageParts)
        {
            Assert.Contains(part, rejected.Message);
        }
    }

    [Theory]
    [InlineData($" <https://www.notion.so/acme?v={View}> ", $"'https://www.notion.so/acme?v={View}'")]
    [InlineData("  'bad'\n", "'bad'")]
    public void QuotesTheInputAsUnwrappedInTheMessage(string input, string quoted)
    {
        var rejected = Assert.IsType<RejectedNotionId>(NotionIdParser.Parse(input));

        Assert.StartsWith(quoted + " ", rejected.Message);
    }
}
