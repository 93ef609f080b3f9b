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
        public const string NotionInvalidPath = nameof(NotionInvalidPath);
        public const string NotionRedirected = nameof(NotionRedirected);
        public const string NotionServerError = nameof(NotionServerError);
        public const string NotionApiError = nameof(NotionApiError);

        // An answer longer than any of Notion's (fix-client, audit finding 3): refused, not read to the end.
        public const string NotionResponseTooLarge = nameof(NotionResponseTooLarge);

        // Rate limits (tokens, issue 15): Notion asked for a longer wait than the connection takes.
        public const string NotionRetryWaitTooLong = nameof(NotionRetryWaitTooLong);

        // A declared workspace budget (issue 19, workspace budget): the token's users/me named no workspace to pace.
        public const string NotionWorkspaceUnknown = nameof(NotionWorkspaceUnknown);

        // Databases and their data sources.
        public const string NotionNoDataSource = nameof(NotionNoDataSource);
        public const string NotionDatabaseHasSeveralDataSources = nameof(NotionDatabaseHasSeveralDataSources);
        public const string NotionDataSourceNeedsNewerApiVersion = nameof(NotionDataSourceNeedsNewerApiVersion);
        public const string NotionIdIsAPage = nameof(NotionIdIsAPage);
        public const string NotionIdIsADatabase = nameof(NotionIdIsADatabase);

        // Rows and the values written to them.
        public const string NotionRowValueInvalid = nameof(NotionRowValueInvalid);
        public const string NotionValueCyclic = nameof(NotionValueCyclic);
        public const string NotionValueTooDeep = nameof(NotionValueTooDeep);
        public const string NotionValueTooLarge = nameof(NotionValueTooLarge);
        public const string NotionValueNotData = nameof(NotionValueNotData);
        public const string NotionNumberNotFinite = nameof(NotionNumberNotFinite);
        public const string NotionRowEmpty = nameof(NotionRowEmpty);
        public const string NotionUnknownColumn = nameof(NotionUnknownColumn);
        public const string NotionColumnAmbiguous = nameof(NotionColumnAmbiguous);
        public const string NotionMatchOnValueMissing = nameof(NotionMatchOnValueMissing);
        public const string NotionMatchOnAmbiguous = nameof(NotionMatchOnAmbiguous);
        public const string NotionMatchOnColumnUnsupported = nameof(NotionMatchOnColumnUnsupported);
        public const string NotionRowFailed = nameof(NotionRowFailed);
        public const string NotionRowStoppedInFlight = nameof(NotionRowStoppedInFlight);
        public const string NotionQueryCapReached = nameof(NotionQueryCapReached);

        // Comments, moving pages and the trash (issue 16, comments).
        public const string NotionCommentEmpty = nameof(NotionCommentEmpty);
        public const string NotionCommentTooLong = nameof(NotionCommentTooLong);
        public const string NotionCommentUrlTooLong = nameof(NotionCommentUrlTooLong);
        public const string NotionCommentInvalidUrl = nameof(NotionCommentInvalidUrl);
        public const string NotionMoveNeedsNewerApiVersion = nameof(NotionMoveNeedsNewerApiVersion);
        public const string NotionMoveParentNotFound = nameof(NotionMoveParentNotFound);
        // Pages and their content (issue 16, pages): the Markdown ids are MarkdownContentException's.
        public const string NotionPageContentIncomplete = nameof(NotionPageContentIncomplete);
        public const string NotionPageAnchorNotFound = nameof(NotionPageAnchorNotFound);
        public const string NotionPageAnchorAmbiguous = nameof(NotionPageAnchorAmbiguous);
        public const string NotionPagePropertyNeedsDatabase = nameof(NotionPagePropertyNeedsDatabase);
        // -After at any depth of a page (nested-after).
        public const string NotionPageAnchorOnOtherPage = nameof(NotionPageAnchorOnOtherPage);
        public const string NotionPageAnchorTakesNoSiblings = nameof(NotionPageAnchorTakesNoSiblings);
        public const string MarkdownNestingTooDeep = nameof(MarkdownNestingTooDeep);
        public const string MarkdownTextTooLong = nameof(MarkdownTextTooLong);
        public const string MarkdownUrlTooLong = nameof(MarkdownUrlTooLong);
        public const string MarkdownBlockNotClosed = nameof(MarkdownBlockNotClosed);
        public const string MarkdownBlockPlaceholder = nameof(MarkdownBlockPlaceholder);
        public const string MarkdownInvalidAttribute = nameof(MarkdownInvalidAttribute);
        public const string MarkdownBlockTooLarge = nameof(MarkdownBlockTooLarge);
        // A link, linked file, bookmark or embed URL Notion refuses, found before the request (markdown-fidelity).
        public const string MarkdownInvalidUrl = nameof(MarkdownInvalidUrl);
        // A local file written ![caption](path) whose type Notion cannot show in a page (media-blocks).
        public const string MarkdownFileNotShownInline = nameof(MarkdownFileNotShownInline);
        // Schema as code: New-NotionDatabase, Get-/Set-NotionDatabaseSchema.
        public const string NotionSchemaInvalid = nameof(NotionSchemaInvalid);
        public const string NotionSchemaUnknownType = nameof(NotionSchemaUnknownType);
        public const string NotionSchemaDuplicateColumn = nameof(NotionSchemaDuplicateColumn);
        public const string NotionSchemaSecondTitle = nameof(NotionSchemaSecondTitle);
        public const string NotionSchemaTitleRemoved = nameof(NotionSchemaTitleRemoved);
        public const string NotionSchemaUnknownRelationTarget = nameof(NotionSchemaUnknownRelationTarget);
        public const string NotionSchemaUnsupportedChange = nameof(NotionSchemaUnsupportedChange);
        public const string NotionSchemaChangeRefused = nameof(NotionSchemaChangeRefused);
        public const string NotionSchemaNoTarget = nameof(NotionSchemaNoTarget);
        // Sync and changes since (Sync-NotionDatabaseRow, Get-NotionDatabaseRow -Checkpoint).
        public const string NotionSyncKeyMissing = nameof(NotionSyncKeyMissing);
        public const string NotionSyncDuplicateInputKey = nameof(NotionSyncDuplicateInputKey);
        public const string NotionSyncDuplicateNotionKey = nameof(NotionSyncDuplicateNotionKey);
        public const string NotionSyncNoInput = nameof(NotionSyncNoInput);
        public const string NotionCheckpointInvalid = nameof(NotionCheckpointInvalid);
        public const string NotionCheckpointUnreadable = nameof(NotionCheckpointUnreadable);
        public const string NotionCheckpointWriteFailed = nameof(NotionCheckpointWriteFailed);
        // Files: uploads, files columns and downloads (Operations/Files).
        public const string NotionFileNotFound = nameof(NotionFileNotFound);
        public const string NotionFileUnreadable = nameof(NotionFileUnreadable);
        public const string NotionFileEmpty = nameof(NotionFileEmpty);
        public const string NotionFileNameRefused = nameof(NotionFileNameRefused);
        public const string NotionFileTypeRefused = nameof(NotionFileTypeRefused);
        public const string NotionFileTooLarge = nameof(NotionFileTooLarge);
        public const string NotionFileUploadExpired = nameof(NotionFileUploadExpired);
        public const string NotionFileUploadFailed = nameof(NotionFileUploadFailed);
        public const string NotionFileDownloadFailed = nameof(NotionFileDownloadFailed);
        public const string NotionFileExists = nameof(NotionFileExists);
        public const string NotionFileDestinationInvalid = nameof(NotionFileDestinationInvalid);
        // Export-NotionDatabase and Import-NotionDatabase: the files (issue 17, export).
        public const string NotionExportFormatUnknown = nameof(NotionExportFormatUnknown);
        public const string NotionExportEncodingInvalid = nameof(NotionExportEncodingInvalid);
        public const string NotionExportFileExists = nameof(NotionExportFileExists);
        public const string NotionExportFileFailed = nameof(NotionExportFileFailed);
        public const string NotionImportFileNotFound = nameof(NotionImportFileNotFound);
        public const string NotionImportFileInvalid = nameof(NotionImportFileInvalid);
        public const string NotionImportColumnsMissing = nameof(NotionImportColumnsMissing);
        // Page icons and covers (page-visuals): New-NotionPage -Icon/-Cover, Set-NotionPage.
        public const string NotionPageVisualEmpty = nameof(NotionPageVisualEmpty);
        public const string NotionPageVisualControlCharacter = nameof(NotionPageVisualControlCharacter);
        public const string NotionPageVisualUrlRefused = nameof(NotionPageVisualUrlRefused);
        public const string NotionPageVisualNotAFile = nameof(NotionPageVisualNotAFile);
        public const string NotionPageVisualNotImage = nameof(NotionPageVisualNotImage);
        public const string NotionPageVisualInvalid = nameof(NotionPageVisualInvalid);
        public const string NotionPageCoverEmoji = nameof(NotionPageCoverEmoji);
        public const string NotionCustomEmojiNotFound = nameof(NotionCustomEmojiNotFound);
        public const string NotionPageVisualConflict = nameof(NotionPageVisualConflict);
        public const string NotionPageNothingToSet = nameof(NotionPageNothingToSet);
        // Windows PowerShell 5.1 and Windows paths (winfx): a local path the system refuses as a path.
        public const string NotionLocalPathInvalid = nameof(NotionLocalPathInvalid);
        // Page content, sorts and files columns (fix-content): a page nested deeper than NotionPS reads, a -Sort item
        // that is neither a column name nor a sort, a Save-NotionFile -Column that names no files column.
        public const string NotionPageTooDeep = nameof(NotionPageTooDeep);
        public const string NotionSortInvalid = nameof(NotionSortInvalid);
        public const string NotionFilesColumnNotFound = nameof(NotionFilesColumnNotFound);
        // Local files (fix-files): a folder, device or pipe where a file is wanted, and a file that changed while it was sent.
        public const string NotionFileNotRegular = nameof(NotionFileNotRegular);
        public const string NotionFileChangedWhileSent = nameof(NotionFileChangedWhileSent);
        public const string NotionExportPathNotAFile = nameof(NotionExportPathNotAFile);
        // Local files named by Markdown (markdown-files, audit2 finding 1): uploaded only from under -LocalFileRoot.
        public const string NotionLocalFileNotAllowed = nameof(NotionLocalFileNotAllowed);
        public const string NotionLocalFileOutsideRoot = nameof(NotionLocalFileOutsideRoot);
        public const string NotionLocalFileRootInvalid = nameof(NotionLocalFileRootInvalid);
        // A URL the user gives, stored in Notion for every reader, that holds a user name or password (names-and-urls).
        public const string NotionUrlCredentialsRefused = nameof(NotionUrlCredentialsRefused);
        // Several rows given to Set-NotionDatabaseRow -InputObject, which changes the one row -PageId names (fidelity).
        public const string NotionInputObjectIsCollection = nameof(NotionInputObjectIsCollection);
        // Set-NotionDatabaseRow given a page that is not in a database, or no values at all (fix-docs).
        public const string NotionPageNotARow = nameof(NotionPageNotARow);
        public const string NotionRowNothingToChange = nameof(NotionRowNothingToChange);

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
            [NotionInvalidPath] = InvalidArgument,
            [NotionRedirected] = ConnectionError,
            [NotionServerError] = ResourceUnavailable,
            [NotionApiError] = NotSpecified,

            // An answer longer than any of Notion's (fix-client).
            [NotionResponseTooLarge] = LimitsExceeded,

            [NotionRetryWaitTooLong] = LimitsExceeded,
            [NotionWorkspaceUnknown] = InvalidArgument,

            // Several data sources: the input must change (another ID, -DataSourceId or a newer version).
            [NotionNoDataSource] = InvalidArgument,
            [NotionDatabaseHasSeveralDataSources] = InvalidArgument,
            [NotionDataSourceNeedsNewerApiVersion] = InvalidArgument,
            [NotionIdIsAPage] = InvalidArgument,
            [NotionIdIsADatabase] = InvalidArgument,

            [NotionRowValueInvalid] = InvalidData,
            [NotionValueCyclic] = InvalidData,
            [NotionValueTooDeep] = LimitsExceeded,
            [NotionValueTooLarge] = LimitsExceeded,
            [NotionValueNotData] = InvalidArgument,
            [NotionNumberNotFinite] = InvalidData,
            [NotionRowEmpty] = InvalidData,
            [NotionUnknownColumn] = InvalidArgument,
            [NotionColumnAmbiguous] = InvalidArgument,
            [NotionMatchOnValueMissing] = InvalidData,
            [NotionMatchOnAmbiguous] = InvalidData,
            [NotionMatchOnColumnUnsupported] = InvalidArgument,
            [NotionRowFailed] = NotSpecified,
            [NotionRowStoppedInFlight] = OperationStopped,
            [NotionQueryCapReached] = LimitsExceeded,

            [NotionCommentEmpty] = InvalidArgument,
            [NotionCommentTooLong] = LimitsExceeded,
            [NotionCommentUrlTooLong] = LimitsExceeded,
            [NotionCommentInvalidUrl] = InvalidData,
            [NotionMoveNeedsNewerApiVersion] = InvalidArgument,
            [NotionMoveParentNotFound] = ObjectNotFound,
            // Pages and their content (issue 16, pages).
            [NotionPageContentIncomplete] = WriteError,
            [NotionPageAnchorNotFound] = ObjectNotFound,
            [NotionPageAnchorAmbiguous] = InvalidArgument,
            [NotionPagePropertyNeedsDatabase] = InvalidArgument,
            // -After at any depth of a page (nested-after).
            [NotionPageAnchorOnOtherPage] = InvalidArgument,
            [NotionPageAnchorTakesNoSiblings] = InvalidArgument,
            [MarkdownNestingTooDeep] = LimitsExceeded,
            [MarkdownTextTooLong] = LimitsExceeded,
            [MarkdownUrlTooLong] = LimitsExceeded,
            [MarkdownBlockNotClosed] = InvalidData,
            [MarkdownBlockPlaceholder] = InvalidData,
            [MarkdownInvalidAttribute] = InvalidData,
            [MarkdownFileNotShownInline] = InvalidData,
            [MarkdownBlockTooLarge] = LimitsExceeded,
            [MarkdownInvalidUrl] = InvalidData,
            [NotionSchemaInvalid] = InvalidData,
            [NotionSchemaUnknownType] = InvalidArgument,
            [NotionSchemaDuplicateColumn] = InvalidData,
            [NotionSchemaSecondTitle] = InvalidData,
            [NotionSchemaTitleRemoved] = InvalidOperation,
            [NotionSchemaUnknownRelationTarget] = ObjectNotFound,
            [NotionSchemaUnsupportedChange] = InvalidOperation,
            [NotionSchemaChangeRefused] = InvalidOperation,
            [NotionSchemaNoTarget] = InvalidArgument,
            // Sync and changes since.
            [NotionSyncKeyMissing] = InvalidData,
            [NotionSyncDuplicateInputKey] = InvalidData,
            [NotionSyncDuplicateNotionKey] = InvalidData,
            [NotionSyncNoInput] = InvalidData,
            [NotionCheckpointInvalid] = InvalidData,
            [NotionCheckpointUnreadable] = ReadError,
            [NotionCheckpointWriteFailed] = WriteError,
            [NotionFileNotFound] = ObjectNotFound,
            [NotionFileUnreadable] = ReadError,
            [NotionFileEmpty] = InvalidData,
            [NotionFileNameRefused] = InvalidArgument,
            [NotionFileTypeRefused] = InvalidArgument,
            [NotionFileTooLarge] = LimitsExceeded,
            [NotionFileUploadExpired] = InvalidOperation,
            [NotionFileUploadFailed] = WriteError,
            [NotionFileDownloadFailed] = ReadError,
            [NotionFileExists] = ResourceExists,
            [NotionFileDestinationInvalid] = InvalidArgument,
            // Export-NotionDatabase and Import-NotionDatabase (issue 17, export).
            [NotionExportFormatUnknown] = InvalidArgument,
            [NotionExportEncodingInvalid] = InvalidArgument,
            [NotionExportFileExists] = ResourceExists,
            [NotionExportFileFailed] = WriteError,
            [NotionImportFileNotFound] = ObjectNotFound,
            [NotionImportFileInvalid] = InvalidData,
            [NotionImportColumnsMissing] = ObjectNotFound,
            // Page icons and covers (page-visuals).
            [NotionPageVisualEmpty] = InvalidArgument,
            [NotionPageVisualControlCharacter] = InvalidArgument,
            [NotionPageVisualUrlRefused] = InvalidArgument,
            [NotionPageVisualNotAFile] = InvalidArgument,
            [NotionPageVisualNotImage] = InvalidArgument,
            [NotionPageVisualInvalid] = InvalidArgument,
            [NotionPageCoverEmoji] = InvalidArgument,
            [NotionCustomEmojiNotFound] = ObjectNotFound,
            [NotionPageVisualConflict] = InvalidArgument,
            [NotionPageNothingToSet] = InvalidArgument,
            [NotionLocalPathInvalid] = InvalidArgument,
            // Page content, sorts and files columns (fix-content).
            [NotionPageTooDeep] = LimitsExceeded,
            [NotionSortInvalid] = InvalidArgument,
            [NotionFilesColumnNotFound] = InvalidArgument,
            // Local files (fix-files).
            [NotionFileNotRegular] = InvalidArgument,
            [NotionFileChangedWhileSent] = ResourceBusy,
            [NotionExportPathNotAFile] = InvalidArgument,
            // Local files named by Markdown (markdown-files).
            [NotionLocalFileNotAllowed] = PermissionDenied,
            [NotionLocalFileOutsideRoot] = PermissionDenied,
            [NotionLocalFileRootInvalid] = InvalidArgument,
            // A URL with credentials (names-and-urls).
            [NotionUrlCredentialsRefused] = InvalidArgument,

            // Several rows given to Set-NotionDatabaseRow -InputObject (fidelity).
            [NotionInputObjectIsCollection] = InvalidArgument,

            // Set-NotionDatabaseRow given a page that is not in a database, or no values at all (fix-docs).
            [NotionPageNotARow] = InvalidArgument,
            [NotionRowNothingToChange] = InvalidData,

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
