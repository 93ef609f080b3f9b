using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The default table views of connections and database IDs in an 80-column console, the width of a default Windows
/// console and of most terminals: every column of the view is shown (PowerShell drops the columns that do not fit),
/// each row's key column whole, and every property is still there for Format-List.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class NarrowConsoleFormatViewTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private const int ConsoleWidth = 80;

    private static readonly XDocument Format = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.format.ps1xml"));

    public static IEnumerable<object[]> Views() =>
    [
        // The widest token kind (PersonalAccessToken) and one without a workspace, beside the demo integration.
        [typeof(NotionConnection).FullName!, nameof(NotionConnection.BotName),
            "$pat = [securestring]::new(); 'demo-token-pat-ada'.ToCharArray() | ForEach-Object { $pat.AppendChar($_) }\n"
            + "$shown = (Connect-NotionIntegration -Token $token -BaseUri $emu), (Connect-NotionIntegration -Token $pat -BaseUri $emu)"],
        // A link with a view, a bare ID, and one resolved to its title.
        [typeof(NotionDatabaseId).FullName!, nameof(NotionDatabaseId.DatabaseId),
            $"$shown = @(Get-NotionDatabaseId '{EmulatorFixture.TasksUrl}', '{EmulatorFixture.PrivateNotesUrl}', 5e6f708192a34db492f3a4b5c6d7e8f9)"
            + $" + @(Get-NotionDatabaseId '{EmulatorFixture.TasksUrl}' -Resolve)"],
    ];

    [Theory]
    [MemberData(nameof(Views))]
    public void EveryColumnOfTheViewShowsAndNoKeyIsCut(string typeName, string keyProperty, string makeObjects)
    {
        Connect("2026-03-11");
        var made = Session.Run(makeObjects);
        Assert.Empty(made.Errors);

        var shown = Session.Run($"$shown | Out-String -Width {ConsoleWidth}; $shown | ForEach-Object {keyProperty}; @($shown).Count");

        var lines = Regex.Replace(shown.Output[0].ToString(), "\u001b\\[[0-9;]*m", string.Empty).Split('\n').Select(line => line.TrimEnd('\r', ' ')).Where(line => line.Length > 0).ToList();
        var keys = shown.Output.Skip(1).SkipLast(1).Select(key => key.ToString()).ToList();
        Assert.Equal((int)shown.Output[^1].BaseObject, keys.Count);
        Assert.All(lines, line => Assert.True(line.Length <= ConsoleWidth, $"wider than the console: '{line}'"));
        Assert.Equal(Headers(typeName), lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^[- ]+$", lines[1]);
        var rows = lines.Skip(2).ToList();
        Assert.Equal(keys.Count, rows.Count);
        Assert.All(keys.Zip(rows), pair => Assert.Matches($"(^| ){Regex.Escape(pair.First)}( |$)", pair.Second));
    }

    [Fact]
    public void ADatabaseIdShowsItsTitleWholeInTheRestOfTheWidthAndNotTheLinkGiven()
    {
        Connect("2026-03-11");
        var title = new string('T', ConsoleWidth - 37);
        var made = Session.Run($"$made = New-NotionDatabase -ParentId {TeamHomeId} -Title '{title}' -Property @{{ Name = 'title' }}; $made.Url");
        Assert.Empty(made.Errors);
        var url = made.Output.Single().ToString();

        var shown = Session.Run($"Get-NotionDatabaseId $url -Resolve | Out-String -Width {ConsoleWidth}", Vars(("url", url)));

        Assert.Empty(shown.Errors);
        var text = shown.Output.Single().ToString();
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatListStillShowsWhatTheTablesLeaveOut()
    {
        Connect("2026-03-11");

        var listed = Session.Run($"(Get-NotionConnection | Format-List * | Out-String -Width {ConsoleWidth}), (Get-NotionDatabaseId '{EmulatorFixture.TasksUrl}' | Format-List * | Out-String -Width {ConsoleWidth})");

        Assert.Empty(listed.Errors);
        Assert.Matches(@"BaseUri\s+: http://127\.0\.0\.1", listed.Output[0].ToString());
        Assert.Matches(@"ConnectedTime\s+: \S", listed.Output[0].ToString());
        Assert.Matches(@"UserEmail\s+:", listed.Output[0].ToString());
        Assert.Matches(@"ViewId\s+: aaaabbbb-cccc-dddd-eeee-ffff00001111", listed.Output[1].ToString());
        Assert.Matches(@"Url\s+: https://www\.notion\.so/acme/Tasks-", listed.Output[1].ToString());
    }

    /// <summary>The column headers the format file gives a type's view, in order.</summary>
    private static List<string> Headers(string typeName) =>
        Format.Descendants("View").Single(view => view.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeName)
            .Descendants("TableColumnHeader").Select(header => header.Element("Label")!.Value).ToList();
}
