using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Downloads the files of rows' files columns, and of pages' file blocks, into a folder.
    /// <para>
    /// A row piped from Get-NotionDatabaseRow is saved from the URLs it carries; a page ID is read first. Notion's
    /// file URLs expire an hour after they were read: a refused download reads the row again and tries its fresh
    /// URL. Files are streamed to disk; the Notion token is never sent to the file host.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "NotionFile", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Save-NotionFile.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveNotionFileCommand : NotionConnectedCmdlet
    {
        private const string FileSystemProviderPrefix = @"Microsoft.PowerShell.Core\FileSystem::";

        private readonly HashSet<string> reportedMissingColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The names given out in the destination by this command: two rows' "report.pdf" are two files.</summary>
        private readonly SafeFileNames names = new SafeFileNames();
        private FileSaver? saver;
        private string? folder;

        /// <summary>The row or page: its ID or URL, a row, or any object with a PageId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNull]
        public NotionPageBind? PageId { get; set; }

        /// <summary>The files columns to save; by default every files column and every file block of the page.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Column { get; set; }

        /// <summary>The folder to save into; created when missing.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Replace files that exist in the folder.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            saver = new FileSaver(Client, Log);
            folder = LocalPaths.FileSystemPathOrStop(this, Destination);
            if (File.Exists(folder))
            {
                ThrowTerminatingError(NotionErrorRecords.From(
                    new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid, $"'{folder}' is a file; the destination must be a folder."), Destination));
            }
        }

        protected override void ProcessRecord()
        {
            if (!this.TryPageId(PageId!, out var pageId))
            {
                return;
            }

            try
            {
                var files = RowFiles(PageId!.Input) ?? RunWithLogPump(cancellationToken => saver!.ReadPageFilesAsync(pageId, cancellationToken));
                var chosen = Chosen(files, pageId);
                if (Column == null)
                {
                    chosen.AddRange(RunWithLogPump(cancellationToken => saver!.ReadBlockFilesAsync(pageId, cancellationToken)));
                }

                if (chosen.Count == 0)
                {
                    WriteVerbose($"Page {pageId}: no files to save.");
                    return;
                }

                if (!ShouldProcess(folder!, $"Save {chosen.Count} file(s) of page {pageId}"))
                {
                    return;
                }

                Directory.CreateDirectory(folder!);
                foreach (var saved in RunWithLogPump(cancellationToken => saver!.SaveAsync(pageId, chosen, folder!, names, Force, cancellationToken)))
                {
                    if (saved.Failure == null)
                    {
                        WriteObject(SavedItem(saved.Path!), true);
                    }
                    else
                    {
                        WriteError(NotionErrorRecords.From(saved.Failure, ServerText.Visible(saved.File.Name)));
                    }
                }
            }
            catch (NotionException ex)
            {
                WriteError(NotionErrorRecords.From(ex, PageId!.Input, new RemedyFacts(ActiveConnection.BotName)));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(NotionErrorRecords.From(new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid, $"The folder '{folder}' cannot be written: {ex.Message}", ex), Destination));
            }
        }

        /// <summary>
        /// A saved file as Get-Item -Force gives it: the provider's PSPath, and the mode and size pwsh shows on Linux and macOS;
        /// -Force because .NET calls a file hidden by its flags too (macOS chflags hidden), not only by a leading "." (which
        /// saved names no longer have). Provider-qualified, so a current location on another drive (Env:, HKLM:) cannot claim
        /// the path. The bare file when the provider cannot show it (removed since): the file was saved, so nothing here stops
        /// the command.
        /// </summary>
        private object SavedItem(string path)
        {
            try
            {
                return InvokeProvider.Item.Get(new[] { FileSystemProviderPrefix + path }, true, true);
            }
            catch (Exception ex) when (ex is RuntimeException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return new FileInfo(path);
            }
        }

        /// <summary>The files columns of a row read earlier and the files it carries, by URL and name; null for any other input (the page is read instead).</summary>
        private static PageFiles? RowFiles(object? input)
        {
            // PowerShell hands a row over bare or in its wrapper.
            var row = input is Row bare ? PSObject.AsPSObject(bare) : input as PSObject;
            if (row == null || !RowObjects.IsRow(row))
            {
                return null;
            }

            var columns = row.Properties.Where(property => property.Value is MultiValue cell && cell.IsFileUrls).ToList();
            return new PageFiles(
                (row.Properties["DataSourceId"]?.Value ?? row.Properties["DatabaseId"]?.Value) as string,
                columns.Select(property => property.Name).ToList(),
                columns.SelectMany(property =>
                {
                    var cell = (MultiValue)property.Value;
                    return cell.Select((url, index) => RowFile.OfRow(property.Name, index, url, cell.FileName(index, url)));
                }).ToList());
        }

        /// <summary>
        /// The files of the -Column columns (<see cref="PageFiles.FilesColumn"/>: the name a row gives a column, its own, or one
        /// that differs in case only), or all. A name that is no files column of the row (a typo,
        /// a column of another type) is an error naming its files columns, once per data source (its rows share their
        /// columns, so 10,000 rows give one error, not 10,000); the columns that are found are still saved.
        /// </summary>
        private List<RowFile> Chosen(PageFiles page, string pageId)
        {
            if (Column == null)
            {
                return page.Files.ToList();
            }

            var named = Column.Select(name => (Name: name, Column: page.FilesColumn(name))).ToList();
            var missing = named.Where(pair => pair.Column == null && reportedMissingColumns.Add((page.DataSourceId ?? pageId) + "/" + pair.Name)).Select(pair => pair.Name);
            foreach (var name in missing)
            {
                var columns = page.Columns.Count == 0 ? "It has no files column." : $"Its files columns: {string.Join(", ", page.Columns.Select(column => $"'{ServerText.Visible(column)}'"))}.";
                var others = page.DataSourceId == null ? string.Empty : $" The other rows of data source {page.DataSourceId} lack it too and are not reported again.";
                WriteError(NotionErrorRecords.From(
                    new NotionFileException(NotionErrorIds.NotionFilesColumnNotFound,
                        $"Page {pageId} has no files column named '{name}'. {columns} Give -Column the name of a files column, or leave -Column out to save all of them.{others}"),
                    PageId!.Input));
            }

            return page.Files.Where(file => named.Any(pair => pair.Column == file.Column)).ToList();
        }
    }
}
