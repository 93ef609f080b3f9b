using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>
    /// Writes a page's icon and cover into a create or update request: set, removed (<c>null</c>) or left alone. A local
    /// file is uploaded once, with the first page that needs it, and the same upload is attached to every page after.
    /// </summary>
    internal sealed class PageVisualWriter
    {
        private readonly FileUploader uploader;
        private readonly PageVisual? icon;
        private readonly PageVisual? cover;
        private readonly bool removeIcon;
        private readonly bool removeCover;
        private string? iconUploadId;
        private string? coverUploadId;

        /// <param name="icon">The icon to set; null to leave it (or remove it, with <paramref name="removeIcon"/>).</param>
        /// <param name="cover">The cover to set; null to leave it (or remove it, with <paramref name="removeCover"/>).</param>
        public PageVisualWriter(NotionClient client, INotionLog log, PageVisual? icon, PageVisual? cover, bool removeIcon = false, bool removeCover = false)
        {
            uploader = new FileUploader(client, client.Redacting(log));
            this.icon = icon;
            this.cover = cover;
            this.removeIcon = removeIcon;
            this.removeCover = removeCover;
        }

        /// <summary>Whether a local image is uploaded (which takes the Insert content capability).</summary>
        public bool Uploads => icon?.Kind == PageVisualKind.LocalFile || cover?.Kind == PageVisualKind.LocalFile;

        /// <summary>Sets <c>icon</c> and <c>cover</c> in <paramref name="body"/>, uploading a local file the first time.</summary>
        /// <exception cref="NotionApiException">An upload failed.</exception>
        public async Task AddToAsync(JsonObject body, CancellationToken cancellationToken)
        {
            if (icon != null)
            {
                iconUploadId ??= await UploadIfLocalAsync(icon, cancellationToken).ConfigureAwait(false);
                body["icon"] = ToJson(icon, iconUploadId);
            }
            else if (removeIcon)
            {
                body["icon"] = null;
            }

            if (cover != null)
            {
                coverUploadId ??= await UploadIfLocalAsync(cover, cancellationToken).ConfigureAwait(false);
                body["cover"] = ToJson(cover, coverUploadId);
            }
            else if (removeCover)
            {
                body["cover"] = null;
            }
        }

        private async Task<string?> UploadIfLocalAsync(PageVisual visual, CancellationToken cancellationToken) =>
            visual.Kind == PageVisualKind.LocalFile
                ? (await uploader.UploadAsync(visual.File!, null, cancellationToken).ConfigureAwait(false)).Id
                : null;

        private static JsonObject ToJson(PageVisual visual, string? uploadId)
        {
            switch (visual.Kind)
            {
                case PageVisualKind.Emoji:
                    return new JsonObject { ["type"] = "emoji", ["emoji"] = visual.Value };
                case PageVisualKind.CustomEmoji:
                    return new JsonObject { ["type"] = "custom_emoji", ["custom_emoji"] = new JsonObject { ["id"] = visual.CustomEmojiId } };
                case PageVisualKind.External:
                    return new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = visual.Value } };
                default:
                    return new JsonObject { ["type"] = "file_upload", ["file_upload"] = new JsonObject { ["id"] = uploadId ?? visual.Value } };
            }
        }
    }
}
