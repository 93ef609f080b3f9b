using System;
using System.IO;

namespace NotionPS.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NotionPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NotionPS.sln not found above " + AppContext.BaseDirectory);
    }
}
