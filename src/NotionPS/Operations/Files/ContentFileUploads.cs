using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// The local files that Markdown blocks show (<see cref="ContentBlock.LocalPath"/>): <see cref="Check"/> checks every
    /// one before the first is sent (allowed only under a <see cref="LocalFileRoot"/>, then as Send-NotionFile checks a
    /// file), so a refused file fails the Markdown, naming its line, before anything is uploaded or written;
    /// <see cref="UploadAsync"/> sends them and sets each block's <c>file_upload</c> ID.
    /// </summary>
    internal sealed class ContentFileUploads
    {
        private readonly FileUploader uploader;

        public ContentFileUploads(NotionClient client, INotionLog log)
        {
            uploader = new FileUploader(client, client.Redacting(log));
        }

        /// <summary>
        /// Checks every local file the blocks show; a file the Markdown shows inline makes its block an image, pdf, video
        /// or audio block. Without <paramref name="root"/> a local file is refused: Markdown, which may come from anyone,
        /// does not choose which of the user's files leave the machine.
        /// </summary>
        /// <exception cref="NotionFileException">A file cannot be sent; the message names the Markdown line.</exception>
        public static IReadOnlyList<ContentFile> Check(IReadOnlyList<ContentBlock> blocks, LocalFileRoot? root)
        {
            var files = new List<ContentFile>();
            foreach (var block in WithLocalFiles(blocks))
            {
                if (root == null)
                {
                    throw new NotionFileException(NotionErrorIds.NotionLocalFileNotAllowed,
                        $"Markdown line {block.Line} names the local file '{WebUrls.Shown(block.LocalPath!)}', and local files are uploaded only from a folder you name. "
                        + "Add -LocalFileRoot <folder> to upload the files under that folder (a relative path is then taken from it), or remove the line. Nothing was written.");
                }

                LocalFile file;
                try
                {
                    file = LocalFile.Check(root.FullPathOf(block.LocalPath!), null, null);
                }
                catch (NotionFileException ex)
                {
                    throw new NotionFileException(ex.ErrorId, $"Markdown line {block.Line}: {ex.Message} Nothing was written.", block.Line, ex);
                }

                if (block.ShowsFileInline)
                {
                    block.ShowFileAs(FileContentTypes.InlineBlockType(file.ContentType) ?? throw new NotionFileException(
                        NotionErrorIds.MarkdownFileNotShownInline,
                        $"Markdown line {block.Line}: ![...]({AsDestination(block.LocalPath!)}) shows a file in the page, which Notion does for images, PDFs, video and audio; '{file.Name}' is {file.ContentType}. Write [{file.Name}]({AsDestination(block.LocalPath!)}) to attach it as a file to download. Nothing was written."));
                }

                files.Add(new ContentFile(block, file));
            }

            return files;
        }

        /// <summary>Uploads the files <see cref="Check"/> returned, in order, and attaches each to its block.</summary>
        public async Task UploadAsync(IReadOnlyList<ContentFile> files, CancellationToken cancellationToken)
        {
            foreach (var file in files)
            {
                var upload = await uploader.UploadAsync(file.File, null, cancellationToken).ConfigureAwait(false);
                file.Block.Body["file_upload"] = new JsonObject { ["id"] = upload.Id };
            }
        }

        /// <summary>A path as a Markdown link destination reads it back (MarkdownToBlocks unescapes %XX; a space or parenthesis would end the link).</summary>
        private static string AsDestination(string path) =>
            path.Replace("%", "%25").Replace(" ", "%20").Replace("\t", "%09").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");

        private static IEnumerable<ContentBlock> WithLocalFiles(IEnumerable<ContentBlock> blocks) =>
            blocks.SelectMany(block => (block.LocalPath == null ? Enumerable.Empty<ContentBlock>() : new[] { block }).Concat(WithLocalFiles(block.Children)));
    }
}
