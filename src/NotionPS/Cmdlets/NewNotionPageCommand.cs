using System;
using System.Collections;
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
    /// Creates a page under a page, or a row with a body in a database or data source, with Markdown content.
    /// <para>
    /// Piped Markdown is one document: the strings piped in (Get-Content's lines, or one -Raw string) are joined
    /// with line breaks and make one page. Piped objects (pages, rows, databases, data sources) are parents instead,
    /// one page under each.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "NotionPage", DefaultParameterSetName = MarkdownFromPipeline, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpUriBase + "New-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class NewNotionPageCommand : NotionConnectedCmdlet
    {
        private const string MarkdownFromPipeline = "MarkdownFromPipeline";
        private const string ParentFromPipeline = "ParentFromPipeline";

        private readonly List<string> pipedMarkdown = new List<string>();
        private PeopleByEmail? people;
        private PageVisualWriter? visuals;
        private LocalFileRoot? localFileRoot;

        /// <summary>Where the page goes: a page, a database or a data source (ID, link or object; see NotionParentBind).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = MarkdownFromPipeline)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParentFromPipeline)]
        [ArgumentCompleter(typeof(ParentIdCompleter))]
        [ValidateNotNull]
        public NotionParentBind? ParentId { get; set; }

        /// <summary>The page's title (for a row, its title column).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        /// <summary>The page's content, as Markdown (about_NotionPS_PageContent).</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = MarkdownFromPipeline)]
        [Parameter(ParameterSetName = ParentFromPipeline)]
        [AllowEmptyString]
        public string? Markdown { get; set; }

        /// <summary>For a row: the other columns' values, as Add-NotionDatabaseRow takes them.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>The page's icon: an emoji, an http(s) URL, a local image file (path or Get-Item), or what Send-NotionFile returns.</summary>
        [Parameter]
        public NotionPageVisualBind? Icon { get; set; }

        /// <summary>The page's cover: an http(s) URL, a local image file (path or Get-Item), or what Send-NotionFile returns.</summary>
        [Parameter]
        public NotionPageVisualBind? Cover { get; set; }

        /// <summary>The folder whose files the Markdown may upload; without it, Markdown naming a local file is refused.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LocalFileRoot { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            localFileRoot = LocalFileUploads.Root(this, LocalFileRoot);
            visuals = PageVisualParameters.Writer(this, Icon, Cover);
            people = new PeopleByEmail(Client, Log, CancelOnStop);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ParentFromPipeline)
            {
                Create(Markdown);
            }
            else if (Markdown != null)
            {
                pipedMarkdown.Add(Markdown);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == MarkdownFromPipeline)
            {
                Create(pipedMarkdown.Count == 0 ? null : string.Join("\n", pipedMarkdown));
            }
        }

        private void Create(string? markdown)
        {
            var bind = ParentId!;
            if (bind.Parent is not { } parent)
            {
                WriteError(this.InvalidIdError(bind.Rejection!, bind.Input));
                return;
            }

            // Converted and its local files checked first, so that -WhatIf refuses the Markdown the real run would.
            List<ContentBlock> blocks;
            IReadOnlyList<ContentFile> files;
            try
            {
                blocks = markdown == null ? new List<ContentBlock>() : MarkdownToBlocks.Convert(Log, markdown);
                WritePendingLog();
                ContentUrls.Check(blocks);
            }
            catch (MarkdownContentException ex)
            {
                WriteError(PageRemedies.Record(ex, markdown));
                return;
            }

            try
            {
                files = ContentFileUploads.Check(blocks, localFileRoot);
            }
            catch (NotionFileException ex)
            {
                WriteError(PageRemedies.Record(ex, bind.Input, ConnectionFacts(onPage: true)));
                return;
            }

            if (!LocalFileUploads.ShouldUpload(this, files) || !ShouldProcess($"\"{ServerText.VisibleShort(Title)}\" under {parent.Id}", "Create page"))
            {
                return;
            }

            try
            {
                var properties = Property == null ? Array.Empty<KeyValuePair<string, object?>>() : RowObjects.Members(new PSObject(Property));
                WriteObject(RunWithLogPump(cancellationToken =>
                    new PageCreator(Client, Log, people).CreateAsync(parent, Title, properties, visuals, blocks, files, cancellationToken)));
            }
            catch (NotionException ex)
            {
                // Creating a page and adding its content both take Insert content: a 403 names it.
                WriteError(PageRemedies.Record(ex, bind.Input, ConnectionFacts(onPage: true, capability: PageRemedies.InsertContent)));
            }
        }
    }
}
