namespace NotionPS.Client
{
    /// <summary>
    /// Where the client reports what it does. The client writes every line through a <see cref="RedactingLog"/>
    /// (<see cref="NotionClient.Redacting"/>), so an implementation may show it as it is (cmdlets send them to
    /// -Verbose and -Debug).
    /// </summary>
    internal interface INotionLog
    {
        /// <summary>One line per request: method, path, status, time, retries.</summary>
        void Verbose(string message);

        /// <summary>Whether <see cref="Verbose"/> is shown; lines that cost work to build are not built when it is not.</summary>
        bool IsVerboseEnabled { get; }

        /// <summary>Whether <see cref="Debug"/> is shown; bodies are not even formatted when it is not.</summary>
        bool IsDebugEnabled { get; }

        /// <summary>Request and response bodies.</summary>
        void Debug(string message);
    }
}
