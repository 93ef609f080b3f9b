using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Errors;
using NotionPS.Secrets;
using Xunit;

namespace NotionPS.Tests.Architecture;

/// <summary>One table gives every ErrorId its one category, in PowerShell's own terms.</summary>
public class ErrorIdTests
{
    [Fact]
    public void EveryIdConstantIsInTheTableWithACategory()
    {
        var constants = ConstantValues(typeof(NotionErrorIds));

        Assert.True(constants.Length >= 40, $"Only {constants.Length} ids: the table lost some.");
        Assert.Equal(constants.OrderBy(id => id, StringComparer.Ordinal), NotionErrorIds.All.OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(constants, id => Assert.True(Enum.IsDefined(NotionErrorIds.CategoryOf(id)), id));
    }

    [Fact]
    public void AnIdMissingFromTheTableIsABug()
    {
        Assert.Throws<ArgumentException>(() => NotionErrorIds.CategoryOf("NotionSomethingNew"));
    }

    [Fact]
    public void TheVaultIdsAreInTheTable()
    {
        var vaultIds = ConstantValues(typeof(VaultErrors));

        Assert.NotEmpty(vaultIds);
        Assert.All(vaultIds, id => Assert.Contains(id, NotionErrorIds.All));
    }

    [Fact]
    public void TheMarkdownIdsAreInTheTable()
    {
        var markdownIds = ConstantValues(typeof(NotionPS.Content.MarkdownContentException));

        Assert.Equal(8, markdownIds.Length);
        Assert.All(markdownIds, id => Assert.Contains(id, NotionErrorIds.All));
    }

    [Fact]
    public void AFailedVaultCallHasItsIdsOneCategoryWhateverTheVaultSaid()
    {
        var vaultsOwn = new ErrorRecord(new UnauthorizedAccessException("denied"), "VaultSaysNo", ErrorCategory.PermissionDenied, null);

        var record = VaultErrors.SecretVaultOperationFailed("Get-Secret", "NotionPS-Acme", "Store", vaultsOwn);

        Assert.Equal(VaultErrors.SecretVaultOperationFailedId, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
    }

    [Fact]
    public void EachCategoryIsPowerShellsOfTheSameNameAndNumber()
    {
        foreach (var category in Enum.GetValues<NotionErrorCategory>())
        {
            var powerShells = Enum.Parse<ErrorCategory>(category.ToString());
            Assert.Equal((int)powerShells, (int)category);
            Assert.Equal(powerShells, NotionErrorRecords.ToErrorCategory(category));
        }
    }

    [Theory]
    [InlineData(404, "object_not_found", "NotionObjectNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(401, "unauthorized", "NotionUnauthorized", ErrorCategory.AuthenticationError)]
    [InlineData(400, "missing_version", "NotionValidationError", ErrorCategory.InvalidArgument)]
    [InlineData(400, "invalid_grant", "NotionApiError", ErrorCategory.NotSpecified)]
    [InlineData(0, "timeout", "NotionTimeout", ErrorCategory.OperationTimeout)]
    [InlineData(0, "foreign_url", "NotionForeignUrl", ErrorCategory.InvalidArgument)]
    [InlineData(307, "redirect", "NotionRedirected", ErrorCategory.ConnectionError)]
    [InlineData(502, "http_502", "NotionServerError", ErrorCategory.ResourceUnavailable)]
    [InlineData(529, "service_overload", "NotionServerError", ErrorCategory.ResourceUnavailable)]
    [InlineData(200, "response_too_large", "NotionResponseTooLarge", ErrorCategory.LimitsExceeded)]
    [InlineData(500, "response_too_large", "NotionResponseTooLarge", ErrorCategory.LimitsExceeded)]
    public void AnApiFailureTakesItsIdFromNotionsCode(int status, string code, string errorId, ErrorCategory category)
    {
        var failure = new NotionApiException(status, code, "message", null, "GET", "v1/users/me");

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(code, failure.NotionCode);
        Assert.Equal(category, NotionErrorRecords.ToErrorCategory(failure.Category));
    }

    /// <summary>The values of a type's public string constants: the ids it declares.</summary>
    internal static string[] ConstantValues(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();
}
