using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Files;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>A block as a request (or a seed, or converted Markdown) describes it, validated, before it is stored.</summary>
public sealed record BlockDraft(string Type, JsonObject Content, IReadOnlyList<BlockDraft> Children, Guid? Id = null);

/// <summary>
/// Reads and validates blocks as Notion takes them in <c>PATCH /v1/blocks/{id}/children</c>, <c>POST /v1/pages</c>
/// and <c>PATCH /v1/blocks/{id}</c>: the content under the type key, children nested inside it (at most two
/// levels below the blocks sent), and each type's own rules (a code block's language, a table's width).
/// </summary>
public static class BlockRequest
{
    /// <summary>Notion's limit on block elements in one request, nested ones included.</summary>
    public const int MaxBlocksPerRequest = 1000;

    /// <summary>How many levels of children a request may nest below the blocks it sends.</summary>
    public const int NestingLevelsPerRequest = 2;

    public const int MaxUrlLength = 2000;

    private static readonly HashSet<string> RichTextTypes =
    [
        "paragraph", "heading_1", "heading_2", "heading_3", "bulleted_list_item", "numbered_list_item", "to_do",
        "toggle", "quote", "callout", "code",
    ];

    /// <summary>Every type a client may create; child pages and databases come from the pages endpoint, <c>unsupported</c> only from seeds.</summary>
    public static readonly IReadOnlySet<string> CreatableTypes = new HashSet<string>(RichTextTypes)
    {
        "divider", "table", "table_row", "image", "file", "pdf", "video", "audio", "bookmark", "embed",
        "column_list", "column", "synced_block",
    };

    /// <summary>The code languages Notion accepts (its API reference's list).</summary>
    public static readonly IReadOnlySet<string> CodeLanguages = new HashSet<string>(StringComparer.Ordinal)
    {
        "abap", "abc", "agda", "arduino", "ascii art", "assembly", "bash", "basic", "bnf", "c", "c#", "c++", "clojure",
        "coffeescript", "coq", "css", "dart", "dhall", "diff", "docker", "ebnf", "elixir", "elm", "erlang", "f#", "flow",
        "fortran", "gherkin", "glsl", "go", "graphql", "groovy", "haskell", "hcl", "html", "idris", "java", "javascript",
        "json", "julia", "kotlin", "latex", "less", "lisp", "livescript", "llvm ir", "lua", "makefile", "markdown", "markup",
        "matlab", "mathematica", "mermaid", "nix", "notion formula", "objective-c", "ocaml", "pascal", "perl", "php",
        "plain text", "powershell", "prolog", "protobuf", "purescript", "python", "r", "racket", "reason", "ruby", "rust",
        "sass", "scala", "scheme", "scss", "shell", "smalltalk", "solidity", "sql", "swift", "toml", "typescript",
        "vb.net", "verilog", "vhdl", "visual basic", "webassembly", "xml", "yaml", "java/c/c++/c#",
    };

    /// <summary>Reads the blocks of a request's <c>children</c>, each validated, with Notion's nesting and size limits.</summary>
    public static IReadOnlyList<BlockDraft> ReadChildren(JsonNode? children, string path)
    {
        var drafts = ReadList(children, path, NestingLevelsPerRequest, fromSeed: false);
        var count = Count(drafts);
        if (count > MaxBlocksPerRequest)
        {
            throw NotionException.Validation(
                $"body failed validation: a request may hold at most {MaxBlocksPerRequest} block elements, nested ones included; this one holds {count}.");
        }

        return drafts;
    }

    /// <summary>Reads seed blocks: the request shape plus an optional <c>id</c>, nested to any depth, <c>unsupported</c> allowed.</summary>
    public static IReadOnlyList<BlockDraft> ReadSeed(JsonNode? blocks, string path) =>
        ReadList(blocks, path, int.MaxValue, fromSeed: true);

    /// <summary>Reads blocks converted from Markdown: validated like a request's, nested as deep as the Markdown goes.</summary>
    public static IReadOnlyList<BlockDraft> ReadConverted(JsonArray blocks, string path) =>
        ReadList(blocks, path, int.MaxValue, fromSeed: false);

    public static int Count(IEnumerable<BlockDraft> drafts) => drafts.Sum(d => 1 + Count(d.Children));

    /// <summary>
    /// The content of a block after <c>PATCH /v1/blocks/{id}</c>: the stored content with the keys sent replaced,
    /// validated again as a whole. The type cannot change, and children are appended, not updated.
    /// </summary>
    public static JsonObject Update(Block block, JsonObject changes, string path)
    {
        if (changes.ContainsKey("children"))
        {
            throw RequestJson.Invalid($"{path}.children", "not present (append children with PATCH /v1/blocks/{id}/children)", changes["children"]);
        }

        if (block.Type == "table" && changes["table_width"] is { } width && width.ToJsonString() != block.Content["table_width"]!.ToJsonString())
        {
            throw NotionException.Validation("Cannot update table_width of a table after it is created.");
        }

        var merged = block.Content.DeepClone().AsObject();
        if (changes.ContainsKey("external") || changes.ContainsKey("file_upload"))
        {
            // A media block changes its source as a whole: the new one replaces the old, not merged into it.
            merged.Remove("type");
            merged.Remove("external");
            merged.Remove("file_upload");
        }

        foreach (var (key, value) in changes)
        {
            merged[key] = value?.DeepClone();
        }

        return Normalise(block.Type, merged, path);
    }

    /// <summary>Stores drafts under a parent, in order, each registered in the workspace with its children below it.</summary>
    public static List<Block> Create(NotionWorkspace workspace, ParentRef parent, IEnumerable<BlockDraft> drafts, DateTimeOffset now, Guid creator)
    {
        var created = new List<Block>();
        foreach (var draft in drafts)
        {
            var block = new Block
            {
                Id = draft.Id ?? Guid.NewGuid(),
                Parent = parent,
                Type = draft.Type,
                Content = draft.Content,
                CreatedTime = now,
                LastEditedTime = now,
                CreatedBy = creator,
                LastEditedBy = creator,
            };
            workspace.Add(block);
            block.Children.AddRange(Create(workspace, new ParentRef(ParentKind.Block, block.Id), draft.Children, now, creator));
            created.Add(block);
        }

        return created;
    }

    /// <summary>Checks that drafts may go under a parent block: a table takes only rows of its width, and rows go nowhere else.</summary>
    public static void CheckPlacement(string parentType, JsonObject parentContent, IReadOnlyList<BlockDraft> drafts, string path)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            if (parentType == "table")
            {
                CheckRow(drafts[i], parentContent["table_width"]!.GetValue<int>(), $"{path}[{i}]");
            }
            else if (drafts[i].Type == "table_row")
            {
                throw NotionException.Validation($"body failed validation: {path}[{i}] is a table_row; table rows can only be children of a table block.");
            }
            else if ((parentType == "column_list") != (drafts[i].Type == "column"))
            {
                throw NotionException.Validation(parentType == "column_list"
                    ? $"body failed validation: {path}[{i}] is a {drafts[i].Type}; a column_list holds only column blocks."
                    : $"body failed validation: {path}[{i}] is a column; columns can only be children of a column_list block.");
            }
        }
    }

    private static List<BlockDraft> ReadList(JsonNode? node, string path, int levelsLeft, bool fromSeed)
    {
        if (node is not JsonArray items)
        {
            throw RequestJson.Invalid(path, "an array", node);
        }

        return [.. items.Select((item, i) => Read(item, $"{path}[{i}]", levelsLeft, fromSeed))];
    }

    private static BlockDraft Read(JsonNode? node, string path, int levelsLeft, bool fromSeed)
    {
        if (node is not JsonObject item)
        {
            throw RequestJson.Invalid(path, "an object", node);
        }

        var allowed = fromSeed ? new HashSet<string>(CreatableTypes) { "unsupported" } : CreatableTypes;
        var type = RequestJson.OptionalString(item, "type", path)
            ?? item.Select(p => p.Key).FirstOrDefault(allowed.Contains)
            ?? throw RequestJson.FixOne(path, allowed.Order(StringComparer.Ordinal));
        if (!allowed.Contains(type))
        {
            var remedy = type is "child_page" or "child_database"
                ? $"{type} blocks are created with POST /v1/pages or a database, not as block children"
                : $"one of the block types the emulator models ({string.Join(", ", allowed.Order(StringComparer.Ordinal))})";
            throw RequestJson.Invalid($"{path}.type", remedy, item["type"] ?? JsonValue.Create(type));
        }

        var content = (RequestJson.OptionalObject(item, type, path) ?? throw RequestJson.Invalid($"{path}.{type}", "defined", null)).DeepClone().AsObject();
        var children = content["children"];
        content.Remove("children");
        var drafts = new List<BlockDraft>();
        if (children is not null)
        {
            if (levelsLeft == 0)
            {
                throw RequestJson.Invalid($"{path}.{type}.children", $"not present (a request nests at most {NestingLevelsPerRequest} levels of children; append deeper levels in a further request)", children);
            }

            drafts = ReadList(children, $"{path}.{type}.children", levelsLeft - 1, fromSeed);
        }

        var normalised = type == "unsupported" ? content : Normalise(type, content, $"{path}.{type}");
        var draft = new BlockDraft(type, normalised, drafts, fromSeed && RequestJson.OptionalString(item, "id", path) is { } id
            ? Guid.TryParse(id, out var parsed) ? parsed : throw RequestJson.Invalid($"{path}.id", "a valid uuid", item["id"])
            : null);
        CheckChildrenAllowed(draft, $"{path}.{type}.children");
        return draft;
    }

    private static void CheckChildrenAllowed(BlockDraft draft, string path)
    {
        if (draft.Type == "table")
        {
            if (draft.Children.Count == 0)
            {
                throw RequestJson.Invalid(path, "an array of at least one table_row", null);
            }

            CheckPlacement(draft.Type, draft.Content, draft.Children, path);
            return;
        }

        // Notion makes a column list with its columns (two at least), and a column with its first blocks.
        var fewest = draft.Type switch { "column_list" => 2, "column" => 1, _ => 0 };
        if (draft.Children.Count < fewest)
        {
            throw RequestJson.Invalid(path, draft.Type == "column_list" ? "an array of at least two column blocks" : "an array of at least one block", null);
        }

        if (draft.Children.Count > 0 && !BlockTree.CanHoldChildren(draft.Type, draft.Content) && draft.Type != "unsupported")
        {
            throw RequestJson.Invalid(path, $"not present: a {draft.Type} block{(draft.Type.StartsWith("heading_", StringComparison.Ordinal) ? " that is not toggleable" : "")} has no children", null);
        }

        CheckPlacement(draft.Type, draft.Content, draft.Children, path);
    }

    private static void CheckRow(BlockDraft row, int width, string path)
    {
        if (row.Type != "table_row")
        {
            throw NotionException.Validation($"body failed validation: {path} is a {row.Type}; a table holds only table_row blocks.");
        }

        var cells = row.Content["cells"]!.AsArray().Count;
        if (cells != width)
        {
            throw NotionException.Validation(
                $"Number of cells in table row must match the table width of the parent table: {path} has {cells} cells, the table is {width} wide.");
        }
    }

    /// <summary>One type's content, validated, with Notion's defaults filled in.</summary>
    private static JsonObject Normalise(string type, JsonObject content, string path)
    {
        var result = new JsonObject();
        if (RichTextTypes.Contains(type))
        {
            result["rich_text"] = PropertyWriter.RichTextArray(content["rich_text"] ?? throw RequestJson.Invalid($"{path}.rich_text", "defined", null), $"{path}.rich_text");
        }

        switch (type)
        {
            case "code":
                result["caption"] = Caption(content, path);
                var language = RequestJson.OptionalString(content, "language", path) ?? throw RequestJson.Invalid($"{path}.language", "defined", null);
                result["language"] = CodeLanguages.Contains(language)
                    ? language
                    : throw RequestJson.Invalid($"{path}.language", "one of Notion's code languages, e.g. `\"powershell\"`, `\"plain text\"`", content["language"]);
                return result;
            case "heading_1" or "heading_2" or "heading_3":
                result["is_toggleable"] = RequestJson.OptionalBool(content, "is_toggleable", path) ?? false;
                break;
            case "to_do":
                result["checked"] = RequestJson.OptionalBool(content, "checked", path) ?? false;
                break;
            case "callout":
                result["icon"] = RequestJson.OptionalObject(content, "icon", path)?.DeepClone() ?? new JsonObject { ["type"] = "emoji", ["emoji"] = "💡" };
                break;
            case "divider" or "column_list" or "column":
                return result;
            case "synced_block":
                // An original: a reference (synced_from naming another synced block) is not modelled.
                result["synced_from"] = content["synced_from"] is null
                    ? null
                    : throw RequestJson.Invalid($"{path}.synced_from", "null (the emulator models original synced blocks only)", content["synced_from"]);
                return result;
            case "table":
                var width = content["table_width"] is JsonValue w && w.GetValueKind() == JsonValueKind.Number && w.TryGetValue<int>(out var n) && n >= 1
                    ? n
                    : throw RequestJson.Invalid($"{path}.table_width", "a number ≥ 1", content["table_width"]);
                result["table_width"] = width;
                result["has_column_header"] = RequestJson.OptionalBool(content, "has_column_header", path) ?? false;
                result["has_row_header"] = RequestJson.OptionalBool(content, "has_row_header", path) ?? false;
                return result;
            case "table_row":
                var cells = RequestJson.OptionalArray(content, "cells", path) ?? throw RequestJson.Invalid($"{path}.cells", "defined", null);
                result["cells"] = new JsonArray([.. cells.Select((cell, i) => (JsonNode)PropertyWriter.RichTextArray(cell, $"{path}.cells[{i}]"))]);
                return result;
            case "image" or "file" or "pdf" or "video" or "audio":
                result["caption"] = Caption(content, path);
                foreach (var (key, value) in FileReference.Read(content, path, type))
                {
                    result[key] = value?.DeepClone();
                }

                if (type == "file")
                {
                    result["name"] = RequestJson.OptionalString(content, "name", path) ?? "";
                }

                return result;
            case "bookmark" or "embed":
                result["caption"] = Caption(content, path);
                result["url"] = Url(content, path, type);
                return result;
        }

        result["color"] = RequestJson.OptionalString(content, "color", path) ?? "default";
        return result;
    }

    private static JsonArray Caption(JsonObject content, string path) =>
        content["caption"] is null ? [] : PropertyWriter.RichTextArray(content["caption"], $"{path}.caption");

    /// <summary>
    /// A bookmark's or embed's URL: an absolute http(s) URL, as an external file's must be. Notion's wording for these two
    /// is not published; the emulator names the block type as it names the file kind ("Invalid image url.").
    /// </summary>
    private static string Url(JsonObject holder, string path, string type)
    {
        var url = RequestJson.OptionalString(holder, "url", path) ?? throw RequestJson.Invalid($"{path}.url", "defined", null);
        if (url.Length > MaxUrlLength)
        {
            throw NotionException.Validation($"body failed validation: {path}.url.length should be ≤ `{MaxUrlLength}`, instead was `{url.Length}`.");
        }

        return UrlRules.IsWebUrl(url) ? url : throw NotionException.Validation($"Invalid {type} url.");
    }
}
