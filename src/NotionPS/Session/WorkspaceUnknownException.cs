using NotionPS.Errors;

namespace NotionPS.Session
{
    /// <summary>
    /// A workspace budget declared for a token whose users/me answer names no workspace (a personal access token's):
    /// its requests cannot be paced with the workspace's other connections. The message states the facts; the cmdlet
    /// names its setting and says what to do.
    /// </summary>
    internal sealed class WorkspaceUnknownException : NotionException
    {
        private readonly string tokenDescription;

        private readonly string userName;

        public WorkspaceUnknownException(int requestsPerMinute, string tokenDescription, string userName)
            : base(NotionErrorIds.NotionWorkspaceUnknown, Explain($"A workspace budget of {requestsPerMinute} requests per 60 s", tokenDescription))
        {
            RequestsPerMinute = requestsPerMinute;
            this.tokenDescription = tokenDescription;
            this.userName = userName;
        }

        /// <summary>The budget declared.</summary>
        public int RequestsPerMinute { get; }

        /// <summary>Whose token it is, as a message names it ("Ada Lovelace's personal access token").</summary>
        public string TokenDescription => Shown(tokenDescription);

        /// <summary>The token's user as users/me names it (the person, for a personal access token).</summary>
        public string UserName => Shown(userName);

        /// <summary>The message with <paramref name="declaration"/> naming what was declared (the cmdlet names its parameter).</summary>
        public string ExplainedAs(string declaration) => Explain(declaration, TokenDescription);

        private static string Explain(string declaration, string tokenDescription) =>
            $"{declaration} needs the token's workspace, but Notion's users/me answer for {tokenDescription} names none (a personal access token's does not), " +
            "so its requests cannot be paced with the workspace's other connections.";
    }
}
