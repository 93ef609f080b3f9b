using System.Text;

namespace NotionPS.HelpBuilder;

/// <summary>Builds every help file of a module from its docs folder.</summary>
public static class HelpBuild
{
    /// <summary>
    /// Reads docs/&lt;Verb-Noun&gt;.md (cmdlets) and docs/about_*.md (about topics) and writes
    /// &lt;module&gt;.dll-Help.xml and about_*.help.txt to <paramref name="outputFolder"/>. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Run(string docsFolder, string outputFolder, string moduleName)
    {
        Directory.CreateDirectory(outputFolder);
        var sources = Directory.GetFiles(docsFolder, "*.md").OrderBy(path => path, StringComparer.Ordinal).ToList();
        var written = new List<string>();

        var commands = sources.Where(IsCommandHelp).Select(CommandHelpReader.ReadFile).ToList();
        var maml = Path.Combine(outputFolder, moduleName + ".dll-Help.xml");
        var document = MamlWriter.Write(commands);
        WriteIfChanged(maml, document.Declaration + "\n" + document.Root + "\n");
        written.Add(maml);

        foreach (var source in sources.Where(path => Path.GetFileName(path).StartsWith("about_", StringComparison.Ordinal)))
        {
            var (name, text) = AboutTopicWriter.Convert(File.ReadAllLines(source), Path.GetFileName(source));
            var topic = Path.Combine(outputFolder, name + ".help.txt");
            WriteIfChanged(topic, text);
            written.Add(topic);
        }

        return written;
    }

    /// <summary>A cmdlet's help file is named Verb-Noun.md; README.md and about topics are not.</summary>
    public static bool IsCommandHelp(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Contains('-') && !name.StartsWith("about_", StringComparison.Ordinal);
    }

    /// <summary>Leaves an unchanged file alone, so the module's incremental build stays incremental.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != content)
        {
            File.WriteAllText(path, content, new UTF8Encoding(false));
        }
    }
}
