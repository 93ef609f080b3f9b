using System;

namespace NotionPS.Client
{
    /// <summary>
    /// An <see cref="INotionLog"/> that passes every line through a redaction first (the client's token rule),
    /// so no line written through it can carry the token, whatever it quotes.
    /// </summary>
    internal sealed class RedactingLog : INotionLog
    {
        private readonly INotionLog inner;
        private readonly Func<string, string> redact;

        public RedactingLog(INotionLog inner, Func<string, string> redact)
        {
            this.inner = inner;
            this.redact = redact;
        }

        public bool IsVerboseEnabled => inner.IsVerboseEnabled;

        public bool IsDebugEnabled => inner.IsDebugEnabled;

        // A line the log does not show is not redacted: the client logs every request, and most commands show no verbose line.
        public void Verbose(string message)
        {
            if (inner.IsVerboseEnabled)
            {
                inner.Verbose(redact(message));
            }
        }

        public void Debug(string message)
        {
            if (inner.IsDebugEnabled)
            {
                inner.Debug(redact(message));
            }
        }

        public void Warning(string message) => inner.Warning(redact(message));
    }
}
