using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// Uploads the local files that Markdown blocks show (<see cref="ContentBlock.LocalPath"/>) and sets each
    /// block's <c>file_upload</c> ID; a file the Markdown shows inline makes its block an image, pdf, video or audio block. Every file is checked before the first is sent, so a missing or refused
    /// file fails the Markdown, naming its line, before anything is uploaded or written.
    /// </summary>
    internal sealed class ContentFileUploads
    {
        private readonly FileUploader uploader;

        public ContentFileUploads(NotionClient client, INotionLog log)
        {
            uploader = new FileUploader(client, client.Redacting(log));
        }

        /// <param name="currentFolder">The folder relative paths are resolved against (PowerShell's current location).</param>
        /// <exception cref="NotionFileException">A file cannot be sent; the message names the Markdown line.</exception>
        public async Task UploadAsync(IReadOnlyList<ContentBlock> blocks, string currentFolder, CancellationToken cancellationToken)
        {
            var files = new List<(ContentBlock Block, LocalFile File)>();
            foreach (var block in WithLocalFiles(blocks))
            {
                LocalFile file;
                try
                {
                    file = LocalFile.Check(UnusablePaths.FullPath(currentFolder, block.LocalPath!, block.LocalPath!), null, null);
                }
                catch (NotionFileException ex)
                {
                    throw new NotionFileException(ex.ErrorId, $"Markdown line {block.Line}: {ex.Message} Nothing was written.", ex);
                }

                if (block.ShowsFileInline)
                {
                    block.ShowFileAs(FileContentTypes.InlineBlockType(file.ContentType) ?? throw new NotionFileException(
                        NotionErrorIds.MarkdownFileNotShownInline,
                        $"Markdown line {block.Line}: ![...]({AsDestination(block.LocalPath!)}) shows a file in the page, which Notion does for images, PDFs, video and audio; '{file.Name}' is {file.ContentType}. Write [{file.Name}]({AsDestination(block.LocalPath!)}) to attach it as a file to download. Nothing was written."));
                }

                files.Add((block, file));
            }

            foreach (var (block, file) in files)
            {
                var upload = await uploader.UploadAsync(file, null, cancellationToken).ConfigureAwait(false);
                block.Body["file_upload"] = new JsonObject { ["id"] = upload.Id };
            }
        }

        /// <summary>A path as a Markdown link destination reads it back (MarkdownToBlocks unescapes %XX; a space or parenthesis would end the link).</summary>
        private static string AsDestination(string path) =>
            path.Replace("%", "%25").Replace(" ", "%20").Replace("\t", "%09").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");

        private static IEnumerable<ContentBlock> WithLocalFiles(IEnumerable<ContentBlock> blocks) =>
            blocks.SelectMany(block => (block.LocalPath == null ? Enumerable.Empty<ContentBlock>() : new[] { block }).Concat(WithLocalFiles(block.Children)));
    }
}
