using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>The shape every "retrieve one object" endpoint shares: parse the ID, need read, find it if visible, render it.</summary>
public static class ObjectRetrieval
{
    public static IResult Retrieve<T>(HttpContext context, string rawId, string idName, string kind, Func<ObjectRenderer, T, JsonObject> render)
        where T : WorkspaceObject
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(rawId, idName);
        request.RequireRead();
        using (request.Workspace.Gate.EnterScope())
        {
            return NotionResults.Json(render(ObjectRenderer.For(request), request.Visible<T>(id, kind)));
        }
    }
}
