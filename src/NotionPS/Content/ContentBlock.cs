using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace NotionPS.Content
{
    /// <summary>
    /// One block to create, as the Markdown converter returns it: the block's type, its type object as Notion's
    /// append endpoint takes it (without <c>children</c>), and its children as a tree of any depth. The request
    /// planner (<see cref="AppendPlanner"/>) decides which levels travel in which request.
    /// </summary>
    internal sealed class ContentBlock
    {
        public ContentBlock(string type, JsonObject body, int line)
        {
            Type = type;
            Body = body;
            Line = line;
        }

        /// <summary>Notion's block type: paragraph, heading_1, bulleted_list_item, table_row...</summary>
        public string Type { get; private set; }

        /// <summary>The type object (<c>{"rich_text": [...], "color": "default"}</c>), without children.</summary>
        public JsonObject Body { get; }

        /// <summary>The 1-based Markdown line the block starts on, for error messages.</summary>
        public int Line { get; }

        public List<ContentBlock> Children { get; } = new List<ContentBlock>();

        /// <summary>
        /// The local file the block shows, as the Markdown wrote it (%XX decoded; a relative path is taken from
        /// -LocalFileRoot, see <see cref="Operations.Files.LocalFileRoot"/>); null for other blocks. It is uploaded and its upload's ID set in the body's <c>file_upload</c> before the block is sent.
        /// </summary>
        public string? LocalPath { get; set; }

        /// <summary>
        /// Whether the Markdown asked for the local file to be shown in the page (<c>![caption](path)</c>): an image
        /// block until the file's type is known, when <see cref="ShowFileAs"/> makes it a pdf, video or audio block.
        /// </summary>
        public bool ShowsFileInline { get; set; }

        /// <summary>Makes a block that shows a file inline the block for that kind of file (image, pdf, video, audio).</summary>
        public void ShowFileAs(string mediaType)
        {
            if (!ShowsFileInline)
            {
                throw new System.InvalidOperationException($"Only a block that shows a file inline can become a {mediaType} block.");
            }

            Type = mediaType;
        }

        /// <summary>Tables cannot be created without their rows: Notion wants them in the same request.</summary>
        public bool NeedsChildrenAtCreation => Type == "table";

        /// <summary>The block as the append endpoint takes it, with all its children nested (any depth).</summary>
        public JsonObject ToJson() => ToJson(int.MaxValue);

        /// <summary>The block with <paramref name="levels"/> levels of children nested below it (0: none).</summary>
        public JsonObject ToJson(int levels)
        {
            var body = (JsonObject)Body.DeepClone();
            if (levels > 0 && Children.Count > 0)
            {
                var children = new JsonArray();
                foreach (var child in Children)
                {
                    children.Add(child.ToJson(levels - 1));
                }

                body["children"] = children;
            }

            return new JsonObject { ["object"] = "block", ["type"] = Type, [Type] = body };
        }

        /// <summary>The blocks as a <c>children</c> array, every level nested (for tests and small pages).</summary>
        public static JsonArray ToJsonArray(IEnumerable<ContentBlock> blocks)
        {
            var array = new JsonArray();
            foreach (var block in blocks)
            {
                array.Add(block.ToJson());
            }

            return array;
        }
    }
}
