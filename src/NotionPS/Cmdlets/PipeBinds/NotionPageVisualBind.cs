using System.ComponentModel;
using System.IO;
using System.Management.Automation;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// A page icon or cover as a parameter takes it: text (an emoji, an http(s) URL or a file's path), a file
    /// (Get-Item, Get-ChildItem), or what Send-NotionFile returns. Read once, at binding, and never refused there: the
    /// cmdlet checks it (PageVisualParameters) and writes an error with its own id for whatever cannot work.
    /// </summary>
    [TypeConverter(typeof(PipeBindConverter))]
    public sealed class NotionPageVisualBind
    {
        // Both constructors go through the one below, whichever PowerShell picks (see NotionDatabaseBind).
        public NotionPageVisualBind(string? input)
            : this((object?)input)
        {
        }

        public NotionPageVisualBind(PSObject input)
            : this((object?)input)
        {
        }

        /// <summary>Any value at all, as PipeBindConverter hands it over.</summary>
        internal NotionPageVisualBind(object? value)
        {
            Input = PipeBindInput.Given(value);
            switch (Input)
            {
                case NotionFileUpload upload:
                    Upload = upload;
                    break;
                case FileSystemInfo file:
                    Path = file.FullName;
                    break;
                default:
                    Text = PipeBindInput.IsText(Input, out var text) ? text : null;
                    break;
            }
        }

        /// <summary>The input as given: the TargetObject of any error about it.</summary>
        public object? Input { get; }

        /// <summary>Text to read as an emoji, a URL or a path; null for any other input.</summary>
        internal string? Text { get; }

        /// <summary>The full path of a file or folder object.</summary>
        internal string? Path { get; }

        /// <summary>An upload made with Send-NotionFile.</summary>
        internal NotionFileUpload? Upload { get; }

        public override string ToString() => Text ?? Path ?? Upload?.Name ?? PipeBindInput.Describe(Input);
    }
}
