namespace NotionPS.Client
{
    /// <summary>
    /// Notion's limit of one workspace as this process keeps it, shared by every token of the workspace: the pause a
    /// workspace 429 asks for, and the budget per 60 seconds a connection declared (-WorkspaceRequestsPerMinute),
    /// which paces all of the workspace's requests through one limiter. Notion does not say the budget before
    /// it is spent, so it is only ever declared, never guessed.
    /// </summary>
    internal sealed class WorkspaceLimit
    {
        private readonly object gate = new object();
        private readonly IClock clock;
        private RateLimiter? budget;

        public WorkspaceLimit(IClock clock)
        {
            this.clock = clock;
        }

        /// <summary>Holds every token of the workspace after a 429 for the workspace's limit, with or without a budget.</summary>
        public RetryPause Pause { get; } = new RetryPause();

        /// <summary>The declared budget's limiter; null until a connection declares one.</summary>
        public RateLimiter? Budget
        {
            get
            {
                lock (gate)
                {
                    return budget;
                }
            }
        }

        /// <summary>
        /// Declares the workspace's budget per 60 seconds. Declared again differently, the smaller holds for every
        /// connection of the workspace: one of the two is wrong, and the smaller draws no 429 either way.
        /// </summary>
        /// <returns>The budget declared before (0 when none was) and the one in force now.</returns>
        public (int Before, int InForce) Declare(int requestsPerMinute)
        {
            lock (gate)
            {
                if (budget == null)
                {
                    budget = new RateLimiter(0, 1, clock, Pause, requestsPerMinute);
                    return (0, requestsPerMinute);
                }

                var before = budget.RequestsPerMinute;
                return (before, budget.LowerBudgetTo(requestsPerMinute));
            }
        }
    }
}
