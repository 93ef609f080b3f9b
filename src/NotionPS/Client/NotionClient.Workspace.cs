using System;

namespace NotionPS.Client
{
    /// <summary>The workspace's limit: joining it once users/me names the workspace, and declaring its budget.</summary>
    internal sealed partial class NotionClient
    {
        private WorkspaceLimit? workspace;

        /// <summary>Whether the workspace's budget has counted the users/me that named the workspace.</summary>
        private bool connectCounted;

        /// <summary>The budget per 60 seconds every connection of this client's workspace in the process is paced at; 0 when none was declared.</summary>
        public int WorkspaceRequestsPerMinute => workspace?.Budget?.RequestsPerMinute ?? 0;

        /// <summary>
        /// Joins the token to its workspace's limit, once users/me has named the workspace: a 429 for the workspace's
        /// limit drawn by any token of the workspace in this process then pauses this one too, and a budget declared
        /// for the workspace paces it.
        /// </summary>
        public void JoinWorkspace(string workspaceId)
        {
            workspace = RateLimiter.ForWorkspace(Options.BaseUri.GetLeftPart(UriPartial.Authority) + "|" + workspaceId);
            RateLimiter.JoinWorkspace(workspace);

            // The users/me that named the workspace went out before the token was known to belong to it.
            var budget = workspace.Budget;
            if (budget != null)
            {
                budget.CountStarted();
                connectCounted = true;
            }
        }

        /// <summary>
        /// Declares the budget per 60 seconds of the workspace this client joined, for every connection of it in the
        /// process; declared before differently, the smaller holds (see <see cref="WorkspaceLimit.Declare"/>).
        /// </summary>
        /// <returns>The budget declared before (0 when none was) and the one in force now.</returns>
        public (int Before, int InForce) DeclareWorkspaceBudget(int requestsPerMinute)
        {
            var joined = workspace ?? throw new InvalidOperationException("The workspace is not known: users/me named none.");
            var declared = joined.Declare(requestsPerMinute);
            if (!connectCounted)
            {
                // The budget is new, or came between joining and now: the users/me that named the workspace is in it too.
                joined.Budget!.CountStarted();
                connectCounted = true;
            }

            return declared;
        }
    }
}
