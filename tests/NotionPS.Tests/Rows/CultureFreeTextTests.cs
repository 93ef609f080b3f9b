using System;
using System.Globalization;
using System.Threading;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

/// <summary>Numbers and dates from text: the same result under every culture, ambiguity refused.</summary>
public class CultureFreeTextTests
{
    public static TheoryData<string> Cultures => new() { "de-DE", "en-US", "fr-FR", "" };

    private static T Under<T>(string culture, Func<T> read)
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("2,50", 2.5)]
    [InlineData("1,5", 1.5)]
    [InlineData("2.5", 2.5)]
    [InlineData("-0,125", -0.125)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1234", 1234)]
    [InlineData(" 7 ", 7)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("1,2345", 1.2345)]
    [InlineData("12.5000", 12.5)]
    public void NumbersReadTheSameInEveryCulture(string text, double expected)
    {
        foreach (var culture in Cultures)
        {
            Assert.Equal(expected, Under(culture, () => CultureFreeText.Number(text, "Estimate")));
        }
    }

    [Theory]
    [InlineData("1,234", "reads as 1.234 in some cultures and as 1234")]
    [InlineData("1.234", "reads as 1.234 in some cultures and as 1234")]
    [InlineData("-12,500", "reads as 12.500 in some cultures")]
    [InlineData("1,234.5", "thousands separators are not accepted")]
    [InlineData("1.234,5", "thousands separators are not accepted")]
    [InlineData("1 234", "thousands separators are not accepted")]
    [InlineData("1'234", "thousands separators are not accepted")]
    [InlineData("NaN", "not a number")]
    [InlineData("Infinity", "not a number")]
    [InlineData("12345678901234567.891", "more significant digits than a Notion number keeps")]
    [InlineData("9007199254740993", "more significant digits")]
    [InlineData("€5", "not a number")]
    public void AmbiguousOrUnreadableNumbersAreRefusedInEveryCulture(string text, string reason)
    {
        foreach (var culture in Cultures)
        {
            Assert.Contains(reason, Assert.Throws<FormatException>(() => Under(culture, () => CultureFreeText.Number(text, "Estimate"))).Message);
        }
    }

    [Fact]
    public void TypedNumbersKeepTheirValueOrAreRefused()
    {
        Assert.Equal(0.1, CultureFreeText.Number(0.1m, "Estimate"));
        Assert.Equal(1.1, CultureFreeText.Number(1.1f, "Estimate"));
        Assert.Equal(1.234, CultureFreeText.Number(1.234m, "Estimate"));
        Assert.Equal(9007199254740992, CultureFreeText.Number(9007199254740992L, "Estimate"));
        Assert.Contains("more significant digits", Assert.Throws<FormatException>(() => CultureFreeText.Number(12345678901234567.891m, "Estimate")).Message);
        Assert.Contains("more significant digits", Assert.Throws<FormatException>(() => CultureFreeText.Number(9007199254740993L, "Estimate")).Message);
        Assert.Equal("NotionNumberNotFinite", Assert.Throws<InputValueException>(() => CultureFreeText.Number(double.NaN, "Estimate")).ErrorId);
        Assert.Equal("NotionNumberNotFinite", Assert.Throws<InputValueException>(() => CultureFreeText.Number(double.PositiveInfinity, "Estimate")).ErrorId);
    }

    [Theory]
    [InlineData("01.02.2025", "2025-02-01T00:00:00")]
    [InlineData("1.2.2025 14:30", "2025-02-01T14:30:00")]
    [InlineData("2025-02-01", "2025-02-01T00:00:00")]
    [InlineData("2025/02/01", "2025-02-01T00:00:00")]
    [InlineData("2025-01-31 09:30", "2025-01-31T09:30:00")]
    [InlineData("31/01/2025", "2025-01-31T00:00:00")]
    [InlineData("01/31/2025", "2025-01-31T00:00:00")]
    [InlineData("02/02/2025", "2025-02-02T00:00:00")]
    [InlineData("31 Jan 2025", "2025-01-31T00:00:00")]
    [InlineData("January 31, 2025", "2025-01-31T00:00:00")]
    [InlineData("Jan 31 2025", "2025-01-31T00:00:00")]
    [InlineData("31 January 2025 23:59:59", "2025-01-31T23:59:59")]
    [InlineData("Friday, 31 Jan 2025", "2025-01-31T00:00:00")]
    [InlineData("2025-01-31 23:59:59", "2025-01-31T23:59:59")]
    public void DatesWithoutAZoneReadTheSameInEveryCulture(string text, string expected)
    {
        foreach (var culture in Cultures)
        {
            var date = Assert.IsType<DateTime>(Under(culture, () => CultureFreeText.Date(text)));
            Assert.Equal(DateTimeKind.Unspecified, date.Kind);
            Assert.Equal(expected, date.ToString("s", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("2025-01-31T15:00:00+05", "2025-01-31T15:00:00.0000000+05:00")]
    [InlineData("2025-01-31T15:00:00+0530", "2025-01-31T15:00:00.0000000+05:30")]
    [InlineData("2025-01-31T09:30:00Z", "2025-01-31T09:30:00.0000000+00:00")]
    [InlineData("2025-01-31T09:30:00.250-08:00", "2025-01-31T09:30:00.2500000-08:00")]
    [InlineData("Fri, 31 Jan 2025 09:30:00 GMT", "2025-01-31T09:30:00.0000000+00:00")]
    public void DatesWithAnOffsetKeepTheInstantAndTheOffset(string text, string expected)
    {
        foreach (var culture in Cultures)
        {
            Assert.Equal(expected, Assert.IsType<DateTimeOffset>(Under(culture, () => CultureFreeText.Date(text))).ToString("o", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("01/02/2025", "is the 1st of month 2 in some cultures and the 2nd of month 1 in others")]
    [InlineData("03-04-2025", "is the 3rd of month 4 in some cultures")]
    [InlineData("31.02.2025", "not a real date")]
    [InlineData("2025-13-01", "not a real date")]
    [InlineData("next tuesday", "not a date")]
    [InlineData("2025-01-31T09:30:00+15", "not a UTC offset")]
    [InlineData("2025-01-31 25:00", "not a real date or time")]
    [InlineData("2025-01-31 24:00", "not a real date or time")]
    [InlineData("2025-01-31 9:75", "not a real date or time")]
    [InlineData("2025-01-31T23:59:99", "not a real date or time")]
    [InlineData("2025-01-31T23:60:00Z", "not a real date or time")]
    [InlineData("31.01.2025 25:00", "not a real date or time")]
    [InlineData("2025-01-31T09:30:00+05:99", "not a UTC offset")]
    [InlineData("2025-01-31T09:30:00-0560", "not a UTC offset")]
    [InlineData("May 5", "not a date")]
    [InlineData("Jan 2025", "not a date")]
    [InlineData("January", "not a date")]
    [InlineData("5 May 25", "not a date")]
    [InlineData("Fri, 31 Jan 09:30:00 GMT", "not a date")]
    public void AmbiguousOrUnreadableDatesAreRefusedInEveryCulture(string text, string reason)
    {
        foreach (var culture in Cultures)
        {
            Assert.Contains(reason, Assert.Throws<FormatException>(() => Under(culture, () => CultureFreeText.Date(text))).Message);
        }
    }
}
