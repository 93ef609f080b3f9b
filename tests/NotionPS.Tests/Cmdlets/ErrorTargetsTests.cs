using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using NotionPS.Cmdlets;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>An error's target is kept unless a text anywhere inside it carries the token; then it is its string form, redacted.</summary>
public class ErrorTargetsTests
{
    private const string Token = "secret-token";

    private static string Redact(string text) => text.Replace(Token, "***", StringComparison.Ordinal);

    [Fact]
    public void ATargetWithoutTheTokenAnywhereIsKeptAsItIs()
    {
        var target = new Hashtable { ["x"] = new Hashtable { ["y"] = new object[] { "fine", 1 } } };

        Assert.Same(target, ErrorTargets.Redacted(target, Redact));
    }

    [Fact]
    public void AStringCarryingTheTokenBecomesItsRedactedForm()
    {
        Assert.Equal("see ***", ErrorTargets.Redacted("see " + Token, Redact));
    }

    [Fact]
    public void ATokenDeepInsideADictionaryThatItsStringFormDoesNotShowReplacesTheTarget()
    {
        var target = new Hashtable { ["x"] = new Hashtable { ["y"] = new List<object> { 1, "see " + Token } } };

        Assert.Equal("System.Collections.Hashtable", ErrorTargets.Redacted(target, Redact));
    }

    [Fact]
    public void ATokenInADictionaryKeyReplacesTheTarget()
    {
        var target = new Hashtable { ["key " + Token] = 1 };

        Assert.Equal("System.Collections.Hashtable", ErrorTargets.Redacted(target, Redact));
    }

    [Fact]
    public void ATokenInANestedCustomObjectReplacesTheTargetByItsRedactedStringForm()
    {
        var inner = new PSObject();
        inner.Properties.Add(new PSNoteProperty("Secret", "see " + Token));
        var target = new PSObject();
        target.Properties.Add(new PSNoteProperty("Name", "row"));
        target.Properties.Add(new PSNoteProperty("Inner", new object[] { inner }));

        var redacted = ErrorTargets.Redacted(target, Redact);

        var text = Assert.IsType<string>(redacted);
        Assert.StartsWith("@{Name=row; Inner=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATargetThatContainsItselfCannotBeReadThroughSoItIsReplaced()
    {
        var target = new Hashtable { ["a"] = 1 };
        target["self"] = target;

        Assert.Equal("System.Collections.Hashtable", ErrorTargets.Redacted(target, Redact));
    }

    [Fact]
    public void ATargetWhoseToStringThrowsIsKeptWhenNothingInsideCarriesTheToken()
    {
        var target = new Unprintable();

        Assert.Same(target, ErrorTargets.Redacted(target, Redact));
    }

    private sealed class Unprintable
    {
        public override string ToString() => throw new InvalidOperationException("cannot print");
    }
}
