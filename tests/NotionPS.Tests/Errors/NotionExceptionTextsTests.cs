using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Errors;

/// <summary>
/// Every public text of every NotionException (a string, a list of strings, an exception it names) comes back redacted
/// once Redact has run: PowerShell's Get-Error shows them all, and a script reads them as $Error[0].Exception.Path and so on.
/// </summary>
public class NotionExceptionTextsTests
{
    private const string Token = "secret-token";

    public static TheoryData<Type> ConcreteFailures() => new(FailureTypes());

    private static IEnumerable<Type> FailureTypes() =>
        typeof(NotionException).Assembly.GetTypes().Where(type => typeof(NotionException).IsAssignableFrom(type) && !type.IsAbstract);

    [Fact]
    public void TheAssemblyHasTheFailuresAReviewNamed()
    {
        var names = FailureTypes().Select(type => type.Name).ToList();

        Assert.Contains("CheckpointException", names);
        Assert.Contains("PageWriteException", names);
        Assert.Contains("NotionApiException", names);
        Assert.Contains("RedactedNotionException", names);
    }

    [Theory]
    [MemberData(nameof(ConcreteFailures))]
    public void EveryPublicTextOfTheFailureComesBackRedacted(Type failure)
    {
        var (checkedTexts, leaking) = Texts(failure);

        Assert.Contains("ErrorId", checkedTexts);
        Assert.Empty(leaking);
    }

    [Fact]
    public void TheCheckFindsATextThatIsNotReadRedacted()
    {
        var (checkedTexts, leaking) = Texts(typeof(LeakingException));

        Assert.Equal(["Raw", "RawList"], leaking);
        Assert.Contains("Redacted", checkedTexts);
    }

    /// <summary>
    /// Every field of <paramref name="type"/> (its own and its NotionPS base classes') that can hold a text is set to one
    /// carrying the token, in an instance made without a constructor; then, after the redaction a cmdlet runs on an error,
    /// each public property of type string, IEnumerable of string or Exception is read. A property that hands out a field
    /// as it is leaks; one read through NotionException.Shown does not.
    /// </summary>
    private static (List<string> Checked, List<string> Leaking) Texts(Type type)
    {
        var failure = (NotionException)RuntimeHelpers.GetUninitializedObject(type);
        for (var declaring = type; declaring != typeof(Exception); declaring = declaring!.BaseType)
        {
            foreach (var field in declaring!.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (CarryingTheToken(field.FieldType) is { } value)
                {
                    field.SetValue(failure, value);
                }
            }
        }

        var redacted = ExceptionRedaction.Redacted(failure, text => text.Replace(Token, "***", StringComparison.Ordinal));

        var properties = redacted.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(property => property.GetIndexParameters().Length == 0 && IsText(property.PropertyType))
            .ToList();
        var leaking = properties
            .Where(property => TextsOf(property.GetValue(redacted)).Any(text => text.Contains(Token, StringComparison.Ordinal)))
            .Select(property => property.Name)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        return (properties.Select(property => property.Name).ToList(), leaking);
    }

    private static bool IsText(Type type) =>
        type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type);

    private static object? CarryingTheToken(Type fieldType)
    {
        if (fieldType == typeof(string))
        {
            return $"a text with {Token} in it";
        }

        if (fieldType.IsAssignableFrom(typeof(string[])))
        {
            return new[] { "first", $"then {Token}" };
        }

        return fieldType.IsAssignableFrom(typeof(NotionFileException))
            ? new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{Token}.txt'.")
            : null;
    }

    private static IEnumerable<string> TextsOf(object? value) => value switch
    {
        string text => [text],
        IEnumerable<string> texts => texts,
        Exception exception => [exception.Message, exception.ToString()],
        _ => [],
    };

    /// <summary>A failure that hands out two of its texts as they are, which the check must find.</summary>
    private sealed class LeakingException : NotionException
    {
        private readonly string raw;

        private readonly IReadOnlyList<string> rawList;

        private readonly string redacted;

        public LeakingException(string raw, IReadOnlyList<string> rawList, string redacted)
            : base(NotionErrorIds.NotionFileNotFound, "leaking")
        {
            this.raw = raw;
            this.rawList = rawList;
            this.redacted = redacted;
        }

        public string Raw => raw;

        public IReadOnlyList<string> RawList => rawList;

        public string Redacted => Shown(redacted);
    }
}
