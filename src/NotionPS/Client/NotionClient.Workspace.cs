using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>The workspace's limit: joining it once users/me names the workspace, and declaring its budget.</summary>
    internal sealed partial class NotionClient
    {
        private WorkspaceLimit? workspace;

        /// <summary>The workspace budgets the connect's users/me took a slot in before it was sent (its workspace's among them, when declared).</summary>
        private IReadOnlyList<RateLimiter> budgetsTakenByConnect = Array.Empty<RateLimiter>();

        /// <summary>The budget per 60 seconds every connection of this client's workspace in the process is paced at; 0 when none was declared.</summary>
        public int WorkspaceRequestsPerMinute => workspace?.Budget?.RequestsPerMinute ?? 0;

        private string ApiAuthority => Options.BaseUri.GetLeftPart(UriPartial.Authority);

        /// <summary>
        /// Before the connect's users/me: which workspace the token belongs to is known only from its answer, so where
        /// workspaces of this API address have declared budgets, it waits for a slot in each of them (a workspace
        /// spending its budget would otherwise answer it 429). Nothing is waited for where none was declared.
        /// </summary>
        public Task WaitForDeclaredWorkspaceBudgetsAsync(CancellationToken cancellationToken)
        {
            budgetsTakenByConnect = RateLimiter.WorkspaceBudgetsAt(ApiAuthority);
            return budgetsTakenByConnect.Count == 0
                ? Task.CompletedTask
                : clock.Delay(budgetsTakenByConnect.Max(budget => budget.ReserveShared()), cancellationToken);
        }

        /// <summary>
        /// Joins the token to its workspace's limit, once users/me has named the workspace: a 429 for the workspace's
        /// limit drawn by any token of the workspace in this process then pauses this one too, and a budget declared
        /// for the workspace paces it.
        /// </summary>
        public void JoinWorkspace(string workspaceId)
        {
            workspace = RateLimiter.ForWorkspace(ApiAuthority + "|" + workspaceId);
            RateLimiter.JoinWorkspace(workspace);
            CountConnectIn(workspace.Budget);
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
            CountConnectIn(joined.Budget);
            return declared;
        }

        /// <summary>
        /// Counts the users/me that named the workspace in its budget, once: it went out before the token was known to
        /// belong to the workspace, so only a budget it waited for (declared before it was sent) holds it already.
        /// </summary>
        private void CountConnectIn(RateLimiter? budget)
        {
            if (budget != null && !budgetsTakenByConnect.Contains(budget))
            {
                budget.ReserveShared();
                budgetsTakenByConnect = budgetsTakenByConnect.Concat(new[] { budget }).ToList();
            }
        }
    }
}
