using System.Collections.Generic;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

public class RedactingLogTests
{
    [Fact]
    public void ALineTheLogShowsIsRedactedAndALineItDoesNotShowIsNeitherRedactedNorWritten()
    {
        var inner = new RecordingLog { IsVerboseEnabled = false, IsDebugEnabled = false };
        var redacted = new List<string>();
        var log = new RedactingLog(inner, text =>
        {
            redacted.Add(text);
            return text.Replace("secret", "***");
        });

        log.Verbose("GET v1/users/me secret");
        log.Debug("response body: secret");
        Assert.Empty(redacted);
        Assert.Empty(inner.VerboseLines);
        Assert.Empty(inner.DebugLines);

        inner.IsVerboseEnabled = true;
        inner.IsDebugEnabled = true;
        log.Verbose("GET v1/users/me secret");
        log.Debug("response body: secret");
        log.Warning("warned: secret");
        Assert.Equal(new[] { "GET v1/users/me ***" }, inner.VerboseLines);
        Assert.Equal(new[] { "response body: ***" }, inner.DebugLines);
        Assert.Equal(new[] { "warned: ***" }, inner.WarningLines);
        Assert.Equal(3, redacted.Count);
    }
}
