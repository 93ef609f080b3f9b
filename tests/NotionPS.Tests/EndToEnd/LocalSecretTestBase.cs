using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// End-to-end tests of local files that must not leave the machine: each test gets a folder of its own holding a
/// user's secret (home/.docker/config.json, as a registry login keeps it), which no command may upload.
/// </summary>
public abstract class LocalSecretTestBase : RowsTestBase, IDisposable
{
    protected LocalSecretTestBase(EmulatorFixture emulator, string folderPrefix)
        : base(emulator)
    {
        Folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        Secret = Path.Combine(Directory.CreateDirectory(Path.Combine(Folder, "home", ".docker")).FullName, "config.json");
        File.WriteAllText(Secret, """{"auths":{"registry.corp":{"auth":"c2VjcmV0"}}}""");
    }

    /// <summary>The test's own folder, deleted after it.</summary>
    protected string Folder { get; }

    /// <summary>The secret's full path, outside every folder a test gives as -LocalFileRoot.</summary>
    protected string Secret { get; }

    /// <summary>A database with a title and a files column, Attachments.</summary>
    protected Task<(string DatabaseId, string DataSourceId)> NewFilesDatabaseAsync(string title) =>
        NewDatabaseAsync(title, new JsonObject { ["Attachments"] = new JsonObject { ["type"] = "files" } });

    public new void Dispose()
    {
        base.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
