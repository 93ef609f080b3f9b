using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Import-NotionDatabase reading a CSV file's text: its encoding (-Encoding, else strict UTF-8, so no byte becomes U+FFFD
/// in Notion without a word) and a header column without a name (left out when empty, an error of the row that fills it).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CsvImportTextTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "csvtext-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Fact]
    public async Task ALatin1FileIsRefusedNamingItsLineUnlessEncodingNamesItAndThenReadsBackAsWritten()
    {
        Connect("2026-03-11");
        var (source, sourceDataSource) = await NewDatabaseAsync("Accents");
        Assert.Empty(Session.Run("Add-NotionDatabaseRow -DatabaseId $from -InputObject @{ Name = 'Café Ünïcødé' }", Vars(("from", source))).Errors);
        var (target, targetDataSource) = await NewDatabaseAsync("Accents copy");
        var file = Path.Combine(folder, "latin1.csv");
        var vars = Vars(("from", source), ("to", target), ("file", file));
        Assert.Empty(Session.Run("Export-NotionDatabase $from $file -Encoding latin1", vars).Errors);

        var refused = RunExpectingTerminatingError("Import-NotionDatabase $file $to", vars);
        var written = await Emulator.QueryTitlesAsync(targetDataSource, string.Empty);
        var imported = Session.Run("Import-NotionDatabase $file $to -Encoding latin1", vars);

        Assert.Equal("NotionImportFileInvalid,NotionPS.Cmdlets.ImportNotionDatabaseCommand", refused.FullyQualifiedErrorId);
        Assert.Contains("line 2 ", refused.Exception.Message);
        Assert.Contains("-Encoding", refused.Exception.Message);
        Assert.Empty(written);
        Assert.Empty(imported.Errors);
        Assert.Equal((await Emulator.QueryTitlesAsync(sourceDataSource, string.Empty)).OrderBy(t => t), (await Emulator.QueryTitlesAsync(targetDataSource, string.Empty)).OrderBy(t => t));
    }

    [Fact]
    public async Task AJsonBackupIsAlwaysUtf8SoAnotherEncodingIsRefused()
    {
        Connect("2026-03-11");
        var (source, _) = await NewDatabaseAsync("Json");
        var file = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("file", file));
        Assert.Empty(Session.Run("Export-NotionDatabase $from $file", vars).Errors);

        var refused = RunExpectingTerminatingError("Import-NotionDatabase $file $from -Encoding latin1", vars);

        Assert.Equal("NotionExportEncodingInvalid,NotionPS.Cmdlets.ImportNotionDatabaseCommand", refused.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task AnUnnamedHeaderColumnIsLeftOutWithAWarningAndARowWithTextThereIsItsOwnError()
    {
        Connect("2026-03-11");
        var (target, targetDataSource) = await NewDatabaseAsync("Unnamed");
        var file = Path.Combine(folder, "unnamed.csv");
        File.WriteAllText(file, "Name,,Estimate, \ne1,,2,\ne2,x,3,\ne3,,4,\n", new UTF8Encoding(false));

        var imported = Session.Run("Import-NotionDatabase $file $to", Vars(("to", target), ("file", file)));

        var error = Assert.Single(imported.Errors);
        Assert.Equal("NotionImportFileInvalid,NotionPS.Cmdlets.ImportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("column 2", error.Exception.Message);
        var warning = Assert.Single(imported.Warnings);
        Assert.Contains("2, 4", warning.Message);
        Assert.Equal(["e1", "e3"], (await Emulator.QueryTitlesAsync(targetDataSource, string.Empty)).OrderBy(t => t));
    }
}
