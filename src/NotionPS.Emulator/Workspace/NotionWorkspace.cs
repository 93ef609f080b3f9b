namespace NotionPS.Emulator.Workspace;

/// <summary>
/// The in-memory workspace. One lock (<see cref="Gate"/>) guards everything: requests are small and an
/// emulator gains nothing from finer locking, while a single lock keeps every answer consistent.
/// </summary>
public sealed class NotionWorkspace
{
    private readonly Dictionary<Guid, WorkspaceObject> _objects = [];

    public Lock Gate { get; } = new();
    public Guid Id { get; set; }
    public string Name { get; set; } = "Workspace";
    public List<Integration> Integrations { get; } = [];
    public List<WorkspaceUser> People { get; } = [];

    /// <summary>The workspace's custom emojis, which a page icon names by ID.</summary>
    public List<CustomEmoji> CustomEmojis { get; } = [];
    public PagePermissions Permissions { get; } = new();

    /// <summary>Comments on pages and blocks, oldest first.</summary>
    public List<Comment> Comments { get; } = [];

    /// <summary>The seed's <c>rateLimits</c> object, applied over the emulator's options; null when it has none.</summary>
    public System.Text.Json.Nodes.JsonObject? SeedRateLimits { get; set; }

    /// <summary>The bot users among the tokens: a personal access token is not a user of its own.</summary>
    public IEnumerable<Integration> Bots => Integrations.Where(i => !i.IsPersonal);

    /// <summary>The token's integration, unless the token is unknown or was revoked.</summary>
    public Integration? FindIntegrationByToken(string token) =>
        Integrations.FirstOrDefault(i => !i.Revoked && string.Equals(i.Token, token, StringComparison.Ordinal));

    /// <summary>Resolves an integration by bot ID or by name (seed files and the admin API accept either).</summary>
    public Integration? FindIntegration(string idOrName) =>
        Guid.TryParse(idOrName, out var id)
            ? Integrations.FirstOrDefault(i => i.Id == id)
            : Integrations.FirstOrDefault(i => string.Equals(i.Name, idOrName, StringComparison.Ordinal));

    public WorkspaceUser? FindPerson(Guid id) => People.FirstOrDefault(p => p.Id == id);

    public bool IsUser(Guid id) => FindPerson(id) is not null || Bots.Any(i => i.Id == id);

    public T? Find<T>(Guid id) where T : WorkspaceObject =>
        _objects.TryGetValue(id, out var found) ? found as T : null;

    public IEnumerable<WorkspaceObject> Objects => _objects.Values;

    public bool Contains(Guid id) => _objects.ContainsKey(id) || IsUser(id);

    public void Add(WorkspaceObject item)
    {
        if (!_objects.TryAdd(item.Id, item))
        {
            throw new InvalidOperationException($"The ID {item.Id} is already used in the workspace.");
        }
    }

    public WorkspaceObject? ParentOf(WorkspaceObject item) =>
        item.Parent.Kind == ParentKind.Workspace ? null : Find<WorkspaceObject>(item.Parent.Id);

    /// <summary>
    /// Notion's sharing rule: an object is visible to an integration if it, or any page or database above it,
    /// was shared with that integration. A personal access token sees what its person may read, shared or not.
    /// </summary>
    public bool IsVisible(WorkspaceObject item, Integration integration)
    {
        if (integration.IsPersonal)
        {
            return Permissions.LevelOf(this, item, integration.ActorId) >= PermissionLevel.Read;
        }

        for (var current = item; current is not null; current = ParentOf(current))
        {
            if (current.SharedWith.Contains(integration.Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The data source a row belongs to, or null for a standalone page.</summary>
    public DataSource? DataSourceOf(Page page) =>
        page.Parent.Kind == ParentKind.DataSource ? Find<DataSource>(page.Parent.Id) : null;

    public Database DatabaseOf(DataSource dataSource) => Find<Database>(dataSource.Parent.Id)
        ?? throw new InvalidOperationException($"Data source {dataSource.Id} has no database.");

    /// <summary>The data sources a database shows: its own, or for a linked database those of its source.</summary>
    public IEnumerable<DataSource> DataSourcesShownBy(Database database) =>
        database.ViewOf is { } sourceId && Find<Database>(sourceId) is { } source
            ? source.DataSources
            : database.DataSources;

    /// <summary>The schema a page's values follow: its data source's, or just a title for a standalone page.</summary>
    public IReadOnlyList<PropertySchema> SchemaOf(Page page) =>
        DataSourceOf(page)?.Properties ?? StandalonePageSchema;

    public string TitleOf(Page page) =>
        RichText.PlainText(page.Values.GetValueOrDefault(SchemaOf(page).First(p => p.Type == "title").Id));

    /// <summary>A page outside any data source has one property: its title.</summary>
    public static IReadOnlyList<PropertySchema> StandalonePageSchema { get; } =
        [new PropertySchema { Id = "title", Name = "title", Type = "title" }];
}
