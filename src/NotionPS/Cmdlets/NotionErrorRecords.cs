using System;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;

namespace NotionPS.Cmdlets
{
    /// <summary>What only the cmdlet knows and a remedy may need.</summary>
    internal readonly struct RemedyFacts
    {
        /// <param name="integrationName">The connected integration's name, for "select ..." in Notion's share dialog.</param>
        /// <param name="wasCreate">The failed request was a create: say how to re-run it without duplicates.</param>
        /// <param name="viewIdHint">The ID given may be a view's (a link copied from a database view).</param>
        /// <param name="linkedDatabase">The database is a linked one, none of whose data sources can be read here.</param>
        /// <param name="onPage">The request was about a page, not a database: a 404 says to share the page.</param>
        /// <param name="capability">The capability the request needs, as Notion's Capabilities settings name it, for a 403.</param>
        /// <param name="tokenKind">The kind of token: a personal access token is refused for its person's permissions, not for sharing.</param>
        public RemedyFacts(string? integrationName = null, bool wasCreate = false, bool viewIdHint = false, bool linkedDatabase = false, bool onPage = false, string? capability = null, NotionTokenKind tokenKind = NotionTokenKind.InternalConnection)
        {
            IntegrationName = ServerText.VisibleOrNull(integrationName); // Notion's name of the bot or person, quoted in remedies
            WasCreate = wasCreate;
            ViewIdHint = viewIdHint;
            LinkedDatabase = linkedDatabase;
            OnPage = onPage;
            Capability = capability;
            TokenKind = tokenKind;
        }

        public NotionTokenKind TokenKind { get; }

        public bool IsPersonalAccessToken => TokenKind == NotionTokenKind.PersonalAccessToken;

        public string? IntegrationName { get; }

        public bool WasCreate { get; }

        public bool ViewIdHint { get; }

        public bool LinkedDatabase { get; }

        public bool OnPage { get; }

        public string? Capability { get; }
    }

    /// <summary>
    /// The one place NotionPS's failures become ErrorRecords: the id and its one category from
    /// <see cref="NotionErrorIds"/>, the input as target, and what to do from <see cref="Remedies"/>.
    /// </summary>
    internal static class NotionErrorRecords
    {
        /// <summary>
        /// The record of a NotionPS failure. Its ErrorDetails message is the exception's followed by the remedy,
        /// except for an answer Notion gave (see <see cref="NotionApiException.IsNotionsAnswer"/>): that message stays Notion's own and the remedy is
        /// only the RecommendedAction.
        /// </summary>
        public static ErrorRecord From(NotionException exception, object? target, RemedyFacts facts = default) =>
            From(exception, target, Remedies.For(exception, facts));

        private static ErrorRecord From(NotionException exception, object? target, string? remedy)
        {
            var message = exception is NotionApiException { IsNotionsAnswer: true } ? exception.Message : WithRemedy(exception.Message, remedy);
            return new ErrorRecord(exception, exception.ErrorId, ToErrorCategory(exception.Category), target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = remedy },
            };
        }

        /// <summary>
        /// The record of one failed row: its message starts with <paramref name="rowLabel"/> (such as "Row 17") and
        /// the input is its target. A failure outside the family is NotionRowFailed. Only a create that failed without a
        /// clear answer (<see cref="RowMayExistException"/>, its record that of the client's failure) says the row may exist,
        /// and one added but not read back (<see cref="RowAddedUnreadException"/>) that it exists;
        /// a failure of the row's files (<see cref="RowFilesException"/>) says the row was not sent, so sending it again is safe.
        /// </summary>
        /// <param name="wasCreate">The row's work may add it (Add, Import, Sync's additions), not only change it: how to send it again.</param>
        public static ErrorRecord ForRow(Exception exception, string rowLabel, object? target, bool wasCreate = false, RemedyFacts facts = default)
        {
            if (exception is RowAddedUnreadException added)
            {
                return AddedUnread(added, rowLabel, target, facts);
            }

            var record = exception switch
            {
                RowMayExistException mayExist => MayExist(mayExist.Answer, target, facts),
                RowFilesException files => NotSent(files, target, wasCreate, facts),
                NotionException known => From(known, target, facts),
                _ => Create(exception, NotionErrorIds.NotionRowFailed, target),
            };

            record.ErrorDetails = new ErrorDetails($"{rowLabel}: {record.ErrorDetails?.Message ?? exception.Message}")
            {
                RecommendedAction = record.ErrorDetails?.RecommendedAction,
            };
            return record;
        }

        /// <summary>
        /// A row that was added but could not be read back: the record of the read's failure (its id, its exception), whose
        /// message says the row exists and whose RecommendedAction is how to see it, never to add it again.
        /// </summary>
        private static ErrorRecord AddedUnread(RowAddedUnreadException added, string rowLabel, object? target, RemedyFacts facts)
        {
            var record = From(added.Cause, target, facts);
            record.ErrorDetails = new ErrorDetails(WithRemedy($"{rowLabel} was added (page {added.PageId}), but reading it back failed: {added.Cause.Message}", RowRemedies.AddedUnread))
            {
                RecommendedAction = RowRemedies.AddedUnread,
            };
            return record;
        }

        /// <summary>
        /// A row whose files failed before its request: the step's failure is the record's exception, as a row's own failed
        /// request is, so <c>catch [NotionPS.Client.NotionApiException]</c> and <c>$_.Exception.Status</c> read Notion's answer;
        /// the message names the file, its column and that the row was not sent, and the remedy says sending it again is safe.
        /// </summary>
        private static ErrorRecord NotSent(RowFilesException files, object? target, bool wasCreate, RemedyFacts facts)
        {
            var remedy = RowRemedies.NotSent(files.Cause == null ? null : Remedies.For(files.Cause, facts), wasCreate);
            return new ErrorRecord(files.InnerException ?? files, files.ErrorId, ToErrorCategory(files.Category), target)
            {
                ErrorDetails = new ErrorDetails(WithRemedy(files.Message, remedy)) { RecommendedAction = remedy },
            };
        }

        /// <summary>The client's failure as it is, whose RecommendedAction is how to send the row again without a duplicate.</summary>
        private static ErrorRecord MayExist(NotionApiException answer, object? target, RemedyFacts facts)
        {
            var record = From(answer, target, facts);
            record.ErrorDetails.RecommendedAction = RowRemedies.MayExist;
            return record;
        }

        /// <summary>
        /// An ID or URL that names no Notion object; the parser's message says what to copy instead. It quotes the input,
        /// which may come from anyone: its control characters are made visible (the parser's own text has none).
        /// </summary>
        public static ErrorRecord InvalidId(string message, object? target, string? recommendedAction = null) =>
            Create(new ArgumentException(ServerText.Visible(message)), NotionErrorIds.InvalidNotionUrl, target, recommendedAction);

        /// <summary>
        /// A failure the cmdlet itself found. <paramref name="recommendedAction"/>, when given, is already part of
        /// the exception's message.
        /// </summary>
        public static ErrorRecord Create(Exception exception, string errorId, object? target, string? recommendedAction = null) =>
            new ErrorRecord(exception, errorId, ToErrorCategory(NotionErrorIds.CategoryOf(errorId)), target)
            {
                ErrorDetails = recommendedAction == null ? null : new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction },
            };

        /// <summary>The PowerShell category of the same name and number (ErrorIdTests holds every member equal).</summary>
        internal static ErrorCategory ToErrorCategory(NotionErrorCategory category) => (ErrorCategory)(int)category;

        /// <summary>A failure's facts followed by what to do about them, when there is something to do.</summary>
        internal static string WithRemedy(string message, string? remedy) => remedy == null ? message : message + " " + remedy;
    }
}
