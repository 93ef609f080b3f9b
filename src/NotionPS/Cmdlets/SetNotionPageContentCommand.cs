using System;
using System.Collections.Generic;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Writes Markdown to pages: at the end (-Append, the default), right after a heading or block at any depth
    /// (-After), or in place of the content (-Replace, which asks first as a High-impact change would). Content
    /// longer than one request allows goes in several requests, in order; a failure midway names the Markdown lines
    /// written and not written.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "NotionPageContent", DefaultParameterSetName = AppendSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpUriBase + "Set-NotionPageContent.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class SetNotionPageContentCommand : NotionConnectedCmdlet
    {
        private const string AppendSet = "Append";
        private const string ReplaceSet = "Replace";
        private const string AfterSet = "After";

        private PageContentWriter? writer;
        private LocalFileRoot? localFileRoot;

        /// <summary>The pages: IDs, links, NotionPage objects or rows (see NotionPageBind).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(PageIdCompleter))]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        /// <summary>The content, as Markdown (about_NotionPS_PageContent).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string Markdown { get; set; } = string.Empty;

        /// <summary>Add the Markdown at the end of the page (the default).</summary>
        [Parameter(ParameterSetName = AppendSet)]
        public SwitchParameter Append { get; set; }

        /// <summary>Replace the page's content (child pages and databases stay).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ReplaceSet)]
        public SwitchParameter Replace { get; set; }

        /// <summary>Add the Markdown right after this heading (its text) or block (its ID), at any depth of the page.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AfterSet)]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        /// <summary>Write the page afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The folder whose files the Markdown may upload; without it, Markdown naming a local file is refused.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LocalFileRoot { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            localFileRoot = LocalFileUploads.Root(this, LocalFileRoot);
            writer = new PageContentWriter(Client, Log);
        }

        protected override void ProcessRecord()
        {
            foreach (var bind in PageId)
            {
                if (!this.TryPageId(bind, out var pageId))
                {
                    continue;
                }

                // Converted for each page (a write fills in its blocks' file uploads), and its local files checked, before
                // ShouldProcess, so that -WhatIf refuses the Markdown the real run would.
                List<ContentBlock> blocks;
                IReadOnlyList<ContentFile> files;
                try
                {
                    blocks = MarkdownToBlocks.Convert(Log, Markdown);
                    WritePendingLog();
                    ContentUrls.Check(blocks);
                }
                catch (MarkdownContentException ex)
                {
                    WriteError(PageRemedies.Record(ex, Markdown));
                    return;
                }

                try
                {
                    files = ContentFileUploads.Check(blocks, localFileRoot);
                }
                catch (NotionFileException ex)
                {
                    WriteError(PageRemedies.Record(ex, bind.Input, ConnectionFacts(onPage: true)));
                    continue;
                }

                if (!LocalFileUploads.ShouldUpload(this, files) || !ShouldWrite(pageId))
                {
                    continue;
                }

                try
                {
                    RunWithLogPump(cancellationToken => Replace ? writer!.ReplaceAsync(pageId, blocks, files, cancellationToken) : writer!.AppendAsync(pageId, blocks, After, files, cancellationToken));
                    if (PassThru)
                    {
                        WriteObject(RunWithLogPump(cancellationToken => new PageReader(Client, Log).ReadAsync(pageId, cancellationToken)));
                    }
                }
                catch (NotionException ex)
                {
                    // Appending needs Insert content; -Replace's trashing of the old blocks needs Update content too.
                    var explained = RunWithLogPump(cancellationToken => NotAPageException.ExplainAsync(Client, pageId, ex, Log, cancellationToken));
                    WriteError(PageRemedies.Record(explained, bind.Input, ConnectionFacts(onPage: true, capability: Replace ? PageRemedies.UpdateAndInsertContent : PageRemedies.InsertContent)));
                }
            }
        }

        /// <summary>
        /// ShouldProcess, and for -Replace the prompt a High ConfirmImpact gives: under the default $ConfirmPreference
        /// (High) a Medium cmdlet does not ask, so -Replace asks itself unless -Confirm was given either way.
        /// </summary>
        private bool ShouldWrite(string pageId)
        {
            var action = Replace ? "Replace the content" : After != null ? $"Add content after \"{ServerText.VisibleShort(After)}\"" : "Add content at the end";
            if (!ShouldProcess(pageId, action))
            {
                return false;
            }

            if (!Replace || MyInvocation.BoundParameters.ContainsKey("Confirm") || !IsConfirmPreferenceHigh())
            {
                return true;
            }

            return ShouldContinue($"Replace all content of page {pageId}? Its blocks go to the trash; child pages and databases stay.", "Confirm");
        }

        private bool IsConfirmPreferenceHigh()
        {
            var preference = GetVariableValue("ConfirmPreference");
            return (preference is PSObject wrapped ? wrapped.BaseObject : preference) is ConfirmImpact impact && impact == ConfirmImpact.High;
        }
    }
}
