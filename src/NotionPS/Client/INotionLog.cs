namespace NotionPS.Client
{
    /// <summary>
    /// Where the client and the operations report what they do. Every line is written through a <see cref="RedactingLog"/>
    /// (<see cref="NotionClient.Redacting"/>), so an implementation may show it as it is (cmdlets send them to
    /// -Verbose, -Debug and the warning stream).
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

        /// <summary>What the user asked for that does not hold as given (a setting another connection overrides): always written.</summary>
        void Warning(string message);
    }
}
