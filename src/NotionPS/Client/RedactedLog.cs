using System;

namespace NotionPS.Client
{
    /// <summary>
    /// A log that redacts every line before it passes it on: the one place where the client's lines
    /// (which quote the server's reason phrases and bodies) are kept free of the token.
    /// </summary>
    internal sealed class RedactedLog : INotionLog
    {
        private readonly INotionLog inner;
        private readonly Func<string, string> redact;

        public RedactedLog(INotionLog inner, Func<string, string> redact)
        {
            this.inner = inner;
            this.redact = redact;
        }

        public bool IsDebugEnabled => inner.IsDebugEnabled;

        public void Verbose(string message) => inner.Verbose(redact(message));

        public void Debug(string message) => inner.Debug(redact(message));
    }
}
