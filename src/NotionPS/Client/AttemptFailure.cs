namespace NotionPS.Client
{
    /// <summary>How an attempt that threw ended (see <see cref="NotionClient.ClassifyFailure"/>).</summary>
    internal enum AttemptFailure
    {
        /// <summary>Not a network failure: the exception goes up as it is.</summary>
        None,

        /// <summary>The caller's token fired (Ctrl+C): a cancellation.</summary>
        CallerCancelled,

        /// <summary>The request's own timeout fired.</summary>
        TimedOut,

        /// <summary>The connection failed or dropped.</summary>
        ConnectionFailed,
    }
}
