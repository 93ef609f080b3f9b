namespace NotionPS.Client
{
    /// <summary>Notion's <c>additional_data.rate_limit_reason</c> values (request-limits reference) and how they are told.</summary>
    internal static class RateLimitReasons
    {
        /// <summary>The connection's own limit: this token alone waits.</summary>
        public const string Connection = "public_api_request_rate_limit";

        /// <summary>The workspace's limit, shared by all of its connections: every token of the workspace waits.</summary>
        public const string Workspace = "public_api_space_request_rate_limit";

        public static bool IsWorkspaceLimit(NotionApiException failure) => failure.RateLimitReason == Workspace;

        /// <summary>Which limit a 429 or 529 stands for, in a few words with Notion's own name: "the workspace's limit (public_api_space_request_rate_limit)".</summary>
        public static string Describe(NotionApiException failure)
        {
            if (failure.Code == NotionErrorCodes.ServiceOverload)
            {
                return $"Notion is overloaded ({NotionErrorCodes.ServiceOverload})";
            }

            switch (failure.RateLimitReason)
            {
                case Workspace: return $"the workspace's limit ({Workspace})";
                case Connection: return $"the connection's limit ({Connection})";
                case null: return failure.Status == 429 ? "Notion's rate limit (no rate_limit_reason given)" : $"{failure.Status} {failure.Code}";
                default: return $"Notion's rate limit ({failure.RateLimitReason})";
            }
        }
    }
}
