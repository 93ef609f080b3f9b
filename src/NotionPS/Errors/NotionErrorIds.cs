using System;
using System.Collections.Generic;
using static NotionPS.Errors.NotionErrorCategory;

namespace NotionPS.Errors
{
    /// <summary>
    /// Every FullyQualifiedErrorId NotionPS writes, and the one category each has: the only table of them.
    /// An id names what went wrong, so it decides the category; no call site passes one.
    /// </summary>
    internal static class NotionErrorIds
    {
        // The input or the connection settings.
        public const string InvalidNotionUrl = nameof(InvalidNotionUrl);
        public const string NotionNotConnected = nameof(NotionNotConnected);
        public const string EmptyNotionToken = nameof(EmptyNotionToken);
        public const string InvalidNotionToken = nameof(InvalidNotionToken);
        public const string NotionTokenNotFound = nameof(NotionTokenNotFound);
        public const string InvalidBaseUri = nameof(InvalidBaseUri);
        public const string InvalidConnectionOption = nameof(InvalidConnectionOption);
        public const string NotionInvalidBody = nameof(NotionInvalidBody);

        // A failed API call, by Notion's code (NotionErrorCodes.ErrorIdFor).
        public const string NotionObjectNotFound = nameof(NotionObjectNotFound);
        public const string NotionUnauthorized = nameof(NotionUnauthorized);
        public const string NotionRestrictedResource = nameof(NotionRestrictedResource);
        public const string NotionRateLimited = nameof(NotionRateLimited);
        public const string NotionValidationError = nameof(NotionValidationError);
        public const string NotionConflict = nameof(NotionConflict);
        public const string NotionConnectionFailure = nameof(NotionConnectionFailure);
        public const string NotionTimeout = nameof(NotionTimeout);
        public const string NotionForeignUrl = nameof(NotionForeignUrl);
        public const string NotionRedirected = nameof(NotionRedirected);
        public const string NotionServerError = nameof(NotionServerError);
        public const string NotionApiError = nameof(NotionApiError);

        // Databases and their data sources.
        public const string NotionNoDataSource = nameof(NotionNoDataSource);
        public const string NotionDatabaseHasSeveralDataSources = nameof(NotionDatabaseHasSeveralDataSources);
        public const string NotionDataSourceNeedsNewerApiVersion = nameof(NotionDataSourceNeedsNewerApiVersion);
        public const string NotionIdIsAPage = nameof(NotionIdIsAPage);

        // Rows and the values written to them.
        public const string NotionRowValueInvalid = nameof(NotionRowValueInvalid);
        public const string NotionValueCyclic = nameof(NotionValueCyclic);
        public const string NotionValueTooDeep = nameof(NotionValueTooDeep);
        public const string NotionValueTooLarge = nameof(NotionValueTooLarge);
        public const string NotionNumberNotFinite = nameof(NotionNumberNotFinite);
        public const string NotionRowEmpty = nameof(NotionRowEmpty);
        public const string NotionUnknownColumn = nameof(NotionUnknownColumn);
        public const string NotionMatchOnValueMissing = nameof(NotionMatchOnValueMissing);
        public const string NotionMatchOnAmbiguous = nameof(NotionMatchOnAmbiguous);
        public const string NotionRowFailed = nameof(NotionRowFailed);
        public const string NotionQueryCapReached = nameof(NotionQueryCapReached);

        // Export-NotionDatabase and Import-NotionDatabase: the files (issue 17, export).
        public const string NotionExportFormatUnknown = nameof(NotionExportFormatUnknown);
        public const string NotionExportEncodingInvalid = nameof(NotionExportEncodingInvalid);
        public const string NotionExportFileExists = nameof(NotionExportFileExists);
        public const string NotionExportFileFailed = nameof(NotionExportFileFailed);
        public const string NotionImportFileNotFound = nameof(NotionImportFileNotFound);
        public const string NotionImportFileInvalid = nameof(NotionImportFileInvalid);
        public const string NotionImportColumnsMissing = nameof(NotionImportColumnsMissing);

        // Vaults (Secrets/VaultErrors builds these records).
        public const string SecretManagementNotInstalled = nameof(SecretManagementNotInstalled);
        public const string SecretVaultNotFound = nameof(SecretVaultNotFound);
        public const string NoDefaultSecretVault = nameof(NoDefaultSecretVault);
        public const string SecretVaultLocked = nameof(SecretVaultLocked);
        public const string NotionSecretNotFound = nameof(NotionSecretNotFound);
        public const string NotionSecretTypeNotSupported = nameof(NotionSecretTypeNotSupported);
        public const string NotionIntegrationExists = nameof(NotionIntegrationExists);
        public const string NotionIntegrationNotFound = nameof(NotionIntegrationNotFound);
        public const string NotionIntegrationAmbiguous = nameof(NotionIntegrationAmbiguous);
        public const string SecretVaultOperationFailed = nameof(SecretVaultOperationFailed);

        private static readonly Dictionary<string, NotionErrorCategory> Categories = new Dictionary<string, NotionErrorCategory>(StringComparer.Ordinal)
        {
            [InvalidNotionUrl] = InvalidArgument,
            [NotionNotConnected] = ConnectionError,
            [EmptyNotionToken] = InvalidArgument,
            [InvalidNotionToken] = InvalidArgument,
            [NotionTokenNotFound] = AuthenticationError,
            [InvalidBaseUri] = InvalidArgument,
            [InvalidConnectionOption] = InvalidArgument,
            [NotionInvalidBody] = InvalidArgument,

            [NotionObjectNotFound] = ObjectNotFound,
            [NotionUnauthorized] = AuthenticationError,
            [NotionRestrictedResource] = PermissionDenied,
            [NotionRateLimited] = LimitsExceeded,
            [NotionValidationError] = InvalidArgument,
            [NotionConflict] = ResourceBusy,
            [NotionConnectionFailure] = ConnectionError,
            [NotionTimeout] = OperationTimeout,
            [NotionForeignUrl] = InvalidArgument,
            [NotionRedirected] = ConnectionError,
            [NotionServerError] = ResourceUnavailable,
            [NotionApiError] = NotSpecified,

            // Several data sources: the input must change (another ID, -DataSourceId or a newer version).
            [NotionNoDataSource] = InvalidArgument,
            [NotionDatabaseHasSeveralDataSources] = InvalidArgument,
            [NotionDataSourceNeedsNewerApiVersion] = InvalidArgument,
            [NotionIdIsAPage] = InvalidArgument,

            [NotionRowValueInvalid] = InvalidData,
            [NotionValueCyclic] = InvalidData,
            [NotionValueTooDeep] = LimitsExceeded,
            [NotionValueTooLarge] = LimitsExceeded,
            [NotionNumberNotFinite] = InvalidData,
            [NotionRowEmpty] = InvalidData,
            [NotionUnknownColumn] = InvalidArgument,
            [NotionMatchOnValueMissing] = InvalidData,
            [NotionMatchOnAmbiguous] = InvalidData,
            [NotionRowFailed] = NotSpecified,
            [NotionQueryCapReached] = LimitsExceeded,

            // Export-NotionDatabase and Import-NotionDatabase (issue 17, export).
            [NotionExportFormatUnknown] = InvalidArgument,
            [NotionExportEncodingInvalid] = InvalidArgument,
            [NotionExportFileExists] = ResourceExists,
            [NotionExportFileFailed] = WriteError,
            [NotionImportFileNotFound] = ObjectNotFound,
            [NotionImportFileInvalid] = InvalidData,
            [NotionImportColumnsMissing] = ObjectNotFound,

            [SecretManagementNotInstalled] = NotInstalled,
            [SecretVaultNotFound] = ObjectNotFound,
            [NoDefaultSecretVault] = InvalidOperation,
            [SecretVaultLocked] = ResourceUnavailable,
            [NotionSecretNotFound] = ObjectNotFound,
            [NotionSecretTypeNotSupported] = InvalidData,
            [NotionIntegrationExists] = ResourceExists,
            [NotionIntegrationNotFound] = ObjectNotFound,
            [NotionIntegrationAmbiguous] = InvalidArgument,

            // Whatever category the failing vault's own error had: its message is quoted, the category is this one.
            [SecretVaultOperationFailed] = InvalidOperation,
        };

        internal static IReadOnlyCollection<string> All => Categories.Keys;

        /// <summary>The category of <paramref name="errorId"/>; an id missing from the table is a bug, so it throws.</summary>
        public static NotionErrorCategory CategoryOf(string errorId) =>
            Categories.TryGetValue(errorId, out var category)
                ? category
                : throw new ArgumentException($"'{errorId}' is not in the NotionErrorIds table.", nameof(errorId));
    }
}
