namespace NotionPS.Cmdlets
{
    /// <summary>One line the client logged, for the pipeline thread to write to -Verbose or -Debug.</summary>
    /// <remarks>
    /// A class, not a struct: the queue's code for reference types is shared and compiled ahead of time with
    /// the framework, where a struct would have every method of the queue JIT-compiled at a cmdlet's first call.
    /// </remarks>
    internal sealed class LogLine
    {
        public LogLine(bool isDebug, string text)
        {
            IsDebug = isDebug;
            Text = text;
        }

        public bool IsDebug { get; }

        public string Text { get; }
    }
}
