using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Tests.Client;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A failure whose text carries the token (Notion's answer echoing it, an input or a path quoting it) leaves it in no part
/// of the error object a script can read: not the exception's message nor any inner exception's ($Error[0].Exception.Message,
/// $_ in a catch block), not Notion's message, path or additional_data, not the target or the details; its id and category stay.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ErrorObjectRedactionTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private const string Token = EmulatorFixture.FullAccessToken;

    /// <summary>The token as a JSON string spells it with an escape, which the redaction of Notion's raw answer does not see.</summary>
    private const string EscapedToken = "\\u0064emo-token-full-access";

    [Fact]
    public void AnAnswerEchoingAPathThatCarriesTheTokenLeavesItInNoPartOfTheErrorObject()
    {
        Connect("2026-03-11");

        var result = Session.Run("Invoke-NotionApi -Path $path", Vars(("path", $"v1/blocks/{Token}/children")));

        var error = Assert.Single(result.Errors);
        AssertRedacted(error, "NotionValidationError", ErrorCategory.InvalidArgument);
        var answer = Assert.IsType<NotionApiException>(error.Exception);
        Assert.Equal(400, answer.Status);
        Assert.Equal("v1/blocks/***/children", answer.Path);
        Assert.Equal("v1/blocks/***/children", error.TargetObject);
    }

    [Fact]
    public void AnAnswerSpellingTheTokenWithJsonEscapesLeavesItInNoPartOfTheErrorObject()
    {
        using var echoing = new LoopbackServer(request => request.RequestLine.StartsWith("GET /v1/users/me ", StringComparison.Ordinal)
            ? LoopbackServer.Response(200, "OK", LoopbackServer.BotUser)
            : LoopbackServer.Response(400, "Bad Request",
                $"{{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"{EscapedToken} is not valid\"," +
                $"\"request_id\":\"{EscapedToken}\",\"additional_data\":{{\"echo\":\"{EscapedToken}\",\"{EscapedToken}\":[\"{EscapedToken}\",1]}}}}"));

        var result = Session.Run(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $echoing; Invoke-NotionApi v1/pages/p1",
            Vars(("echoing", echoing.BaseUri)));

        var error = Assert.Single(result.Errors);
        AssertRedacted(error, "NotionValidationError", ErrorCategory.InvalidArgument);
        var answer = Assert.IsType<NotionApiException>(error.Exception);
        Assert.Equal("*** is not valid", answer.ApiMessage);
        Assert.Equal("***", answer.RequestId);
        var data = answer.AdditionalData!.Value;
        Assert.Equal("***", data.GetProperty("echo").GetString());
        Assert.Equal("***", data.GetProperty("***")[0].GetString());
        Assert.Equal(1, data.GetProperty("***")[1].GetInt32());
    }

    [Fact]
    public void AnInputCarryingTheTokenRejectedAsNoIdLeavesItInNoPartOfTheErrorObject()
    {
        Connect("2026-03-11");

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $text; $text | Remove-NotionDatabaseRow -Confirm:$false", Vars(("text", "see " + Token)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => AssertRedacted(error, "InvalidNotionUrl", ErrorCategory.InvalidArgument));
        Assert.All(result.Errors, error => Assert.Equal("see ***", error.TargetObject));
        Assert.All(result.Errors, error => Assert.IsType<ArgumentException>(error.Exception));
    }

    [Fact]
    public void AFilePathCarryingTheTokenLeavesItInNoPartOfTheErrorObjectNorInItsInnerException()
    {
        Connect("2026-03-11");

        var result = Session.Run("Send-NotionFile -Path $path", Vars(("path", Path.Combine(Path.GetTempPath(), $"missing-{Token}-{Guid.NewGuid():N}.txt"))));

        var error = Assert.Single(result.Errors);
        AssertRedacted(error, "NotionFileNotFound", ErrorCategory.ObjectNotFound);
        Assert.NotNull(error.Exception.InnerException);
        Assert.IsType<ItemNotFoundException>(error.Exception.InnerException);
    }

    [Fact]
    public void ATerminatingErrorQuotingAPathCarryingTheTokenLeavesItInNoPartOfTheErrorObject()
    {
        Connect("2026-03-11");

        var caught = Session.Run(
            "try { Import-NotionDatabase -Path $path -DatabaseId $db } catch { $_ }; try { Invoke-NotionApi -Path $url } catch { $_ }",
            Vars(("path", Path.Combine(Path.GetTempPath(), $"missing-{Token}-{Guid.NewGuid():N}.csv")), ("db", TasksId), ("url", $"https://elsewhere.example/{Token}")))
            .Output.Select(item => Assert.IsType<ErrorRecord>(item.BaseObject)).ToList();

        Assert.Equal(2, caught.Count);
        AssertRedacted(caught[0], "NotionImportFileNotFound", ErrorCategory.ObjectNotFound);
        Assert.IsType<FileNotFoundException>(caught[0].Exception);
        Assert.NotNull(caught[0].Exception.InnerException);
        AssertRedacted(caught[1], "NotionForeignUrl", ErrorCategory.InvalidArgument);
        Assert.Equal("https://elsewhere.example/***", Assert.IsType<NotionApiException>(caught[1].Exception).Path);
    }

    [Fact]
    public void ACheckpointPathCarryingTheTokenLeavesItInNoPartOfTheErrorObjectNorInTheExceptionsPath()
    {
        Connect("2026-03-11");
        var directory = Path.Combine(Path.GetTempPath(), $"checkpoint-{Token}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var checkpoint = Path.Combine(directory, "cp.json");
            File.WriteAllText(checkpoint, "not a time");

            var result = Session.Run(
                "try { Get-NotionDatabaseRow -DatabaseId $db -Checkpoint $path } catch { $_; $Error[0].Exception.Path }",
                Vars(("db", TasksId), ("path", checkpoint)));

            Assert.Equal(2, result.Output.Count);
            var error = Assert.IsType<ErrorRecord>(result.Output[0].BaseObject);
            AssertRedacted(error, "NotionCheckpointInvalid", ErrorCategory.InvalidData);
            Assert.Equal(checkpoint.Replace(Token, "***", StringComparison.Ordinal), result.Output[1].BaseObject);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The local paths a helper checks for the cmdlet (LocalPaths, LocalFileUploads) stop it through its redaction too.</summary>
    [Theory]
    [InlineData("Set-NotionPageContent -PageId $db -Markdown 'x' -LocalFileRoot \"/nonexistent/$secret\"", "NotionLocalFileRootInvalid")]
    [InlineData("Export-NotionDatabase -DatabaseId $db -Path \"env:\\$secret\"", "NotionLocalPathInvalid")]
    [InlineData("Get-NotionDatabaseRow -DatabaseId $db -Checkpoint \"env:\\$secret\"", "NotionLocalPathInvalid")]
    public void ALocalPathQuotingTheTokenThatCanNeverWorkLeavesItInNoPartOfTheErrorObject(string command, string errorId)
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError(command, Vars(("db", TasksId), ("secret", Token)));

        AssertRedacted(error, errorId, ErrorCategory.InvalidArgument);
    }

    /// <summary>A file that is no checkpoint (a .env file holding the token, say) is quoted cut to 60 characters: a cut through the token shows none of it.</summary>
    [Fact]
    public void ACheckpointFileQuotedCutThroughTheTokenShowsNoPartOfIt()
    {
        Connect("2026-03-11");
        var checkpoint = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.env");
        File.WriteAllText(checkpoint, new string('x', 45) + Token + " and more");
        try
        {
            var error = RunExpectingTerminatingError("Get-NotionDatabaseRow -DatabaseId $db -Checkpoint $path", Vars(("db", TasksId), ("path", checkpoint)));

            Assert.Contains($"it reads '{new string('x', 45)}***...'", error.Exception.Message, StringComparison.Ordinal);
            AssertRedacted(error, "NotionCheckpointInvalid", ErrorCategory.InvalidData, token: Token.Substring(0, 60 - 45));
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public void AnInputWhoseColumnNameCarriesTheTokenLeavesItInNoPartOfTheErrorObjectNorInTheUnknownColumns()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            "[pscustomobject]@{ Name = 'x'; $column = 1 } | Add-NotionDatabaseRow -DatabaseId $db; $Error[0].Exception.Unknown",
            Vars(("db", TasksId), ("column", $"Col {Token}")));

        var error = Assert.Single(result.Errors);
        AssertRedacted(error, "NotionUnknownColumn", ErrorCategory.InvalidArgument);
        Assert.Equal("Col ***", Assert.Single(result.Output).BaseObject);
        Assert.Equal("@{Name=x; Col ***=1}", error.TargetObject);
    }

    /// <summary>The target is the body itself, which a script reads into ($Error[0].TargetObject.x): its string form shows none of that.</summary>
    [Fact]
    public void ABodyCarryingTheTokenInsideLeavesItInNoPartOfTheErrorObjectNorInTheTargetOrThePathOfTheValue()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            "Invoke-NotionApi -Method Post -Path v1/pages -Body @{ x = @{ y = \"see $token\" }; $number = [double]::NaN }; [string]$Error[0].TargetObject.x.y; $Error[0].Exception.Path",
            Vars(("number", $"n{Token}")));

        var error = Assert.Single(result.Errors);
        AssertRedacted(error, "NotionNumberNotFinite", ErrorCategory.InvalidData);
        Assert.Equal("System.Collections.Hashtable", error.TargetObject);
        Assert.Equal(["", "Body.n***"], result.Output.Select(item => item.BaseObject));
    }

    /// <summary>
    /// A connection failure's cause (.NET's HttpRequestException) quotes the host, here the token itself: the failure a script
    /// catches is still a NotionApiException (it was a RedactedNotionException, which no catch by type matched), with its
    /// id, and no part of the record holds the token, down the inner exceptions.
    /// </summary>
    [Fact]
    public void AConnectionFailureWhoseCauseQuotesTheTokenIsStillANotionApiExceptionWithItsIdAndNoToken()
    {
        const string hostToken = "localhost";
        var server = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", LoopbackServer.BotUser));
        var baseUri = $"http://{hostToken}:{server.Port}/";
        Session.Run("$null = Connect-NotionIntegration -Token (ConvertTo-SecureString $t -AsPlainText -Force) -BaseUri $uri -MaximumRetryCount 0", Vars(("t", hostToken), ("uri", baseUri)));
        server.Dispose();

        var result = Session.Run(
            "try { Invoke-NotionApi v1/users/me -ErrorAction Stop } catch [NotionPS.Client.NotionApiException] { $_; $_.Exception -is [NotionPS.Client.NotionApiException] }");

        Assert.Equal(2, result.Output.Count);
        var error = Assert.IsType<ErrorRecord>(result.Output[0].BaseObject);
        Assert.Equal(true, result.Output[1].BaseObject);
        AssertRedacted(error, "NotionConnectionFailure", ErrorCategory.ConnectionError, hostToken);
        Assert.Equal("NotionConnectionFailure,NotionPS.Cmdlets.InvokeNotionApiCommand", error.FullyQualifiedErrorId);
        Assert.NotNull(Assert.IsType<NotionApiException>(error.Exception).InnerException);
    }

    /// <summary>The record's id and category are <paramref name="errorId"/>'s, and no text a script reads from it holds the token.</summary>
    private static void AssertRedacted(ErrorRecord error, string errorId, ErrorCategory category, string token = Token)
    {
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, error.CategoryInfo.Category);
        var texts = new List<string?>
        {
            error.ToString(),
            error.ErrorDetails?.Message,
            error.ErrorDetails?.RecommendedAction,
            error.CategoryInfo.TargetName,
            error.TargetObject == null ? null : PSObject.AsPSObject(error.TargetObject).ToString(),
            error.Exception.ToString(),
        };
        for (var exception = error.Exception; exception != null; exception = exception.InnerException)
        {
            texts.Add(exception.Message);
            texts.AddRange(PublicTexts(exception));
            if (exception is NotionApiException answer)
            {
                texts.Add(answer.AdditionalData?.GetRawText());
            }
        }

        Assert.Contains(texts, text => text != null && text.Contains("***", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text != null && text.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>What Get-Error shows of an exception beside its message: every public string, list of strings and exception it has (a path, a column, a cause).</summary>
    private static IEnumerable<string> PublicTexts(Exception exception) =>
        exception.GetType().GetProperties()
            .Where(property => property.GetIndexParameters().Length == 0)
            .SelectMany(property => property.GetValue(exception) switch
            {
                string text => [text],
                IEnumerable<string> list => list,
                Exception named => [named.ToString()],
                _ => Array.Empty<string>(),
            });
}
