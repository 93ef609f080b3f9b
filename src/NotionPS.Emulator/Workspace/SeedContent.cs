using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;

namespace NotionPS.Emulator.Workspace;

/// <summary>
/// A seeded page's content and comments: <c>blocks</c> in the shape the API takes them (plus an optional
/// <c>id</c>, nested to any depth, <c>unsupported</c> allowed) and <c>comments</c> as plain text.
/// </summary>
public sealed class SeedContent(NotionWorkspace workspace, Page page)
{
    public void Add(JsonObject item)
    {
        if (item["blocks"] is { } blocks)
        {
            var drafts = Seeded(() => BlockRequest.ReadSeed(blocks, "blocks"));
            page.Children.AddRange(Seeded(() => BlockRequest.Create(workspace, new ParentRef(ParentKind.Page, page.Id), drafts, page.CreatedTime, page.CreatedBy)));
        }

        foreach (var comment in item["comments"] as JsonArray ?? [])
        {
            AddComment(comment as JsonObject ?? throw new InvalidDataException($"Page {page.Id}: every comment must be an object."));
        }
    }

    private void AddComment(JsonObject comment)
    {
        var text = comment["text"]?.GetValue<string>() ?? throw new InvalidDataException($"Page {page.Id}: a comment needs \"text\".");
        var on = comment["blockId"]?.GetValue<string>() is { } raw
            ? Guid.TryParse(raw, out var blockId) && workspace.Find<Block>(blockId) is not null
                ? new ParentRef(ParentKind.Block, blockId)
                : throw new InvalidDataException($"Page {page.Id}: comment blockId \"{raw}\" is not a block seeded before it.")
            : new ParentRef(ParentKind.Page, page.Id);
        var author = comment["createdBy"]?.GetValue<string>() is { } by
            ? workspace.FindIntegration(by)?.Id ?? (Guid.TryParse(by, out var person) && workspace.IsUser(person)
                ? person
                : throw new InvalidDataException($"Page {page.Id}: comment createdBy \"{by}\" is neither a person's ID nor an integration."))
            : page.CreatedBy;
        var discussion = comment["discussionId"]?.GetValue<string>() is { } d
            ? Guid.TryParse(d, out var id) ? id : throw new InvalidDataException($"Page {page.Id}: discussionId \"{d}\" is not an ID.")
            : Guid.NewGuid();
        var created = comment["createdTime"]?.GetValue<string>() is { } time
            ? WorkspaceObject.ToMinute(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture))
            : page.CreatedTime;
        workspace.Comments.Add(new Comment
        {
            Id = Guid.TryParse(comment["id"]?.GetValue<string>(), out var commentId) ? commentId : Guid.NewGuid(),
            Parent = on,
            DiscussionId = discussion,
            RichText = RichText.Array(text),
            CreatedTime = created,
            CreatedBy = author,
        });
    }

    /// <summary>Turns the API's 400 for a bad block into the seed loader's error, naming the page.</summary>
    private T Seeded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (NotionException error)
        {
            throw new InvalidDataException($"Page {page.Id}: {error.Message}", error);
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidDataException($"Page {page.Id}: {error.Message}", error);
        }
    }
}
