using NotionPS.HelpBuilder;

// Usage: NotionPS.HelpBuilder <docs folder> <output folder> <module name>
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: NotionPS.HelpBuilder <docs folder> <output folder> <module name>");
    return 2;
}

try
{
    var written = HelpBuild.Run(args[0], args[1], args[2]);
    foreach (var file in written)
    {
        Console.WriteLine("  help -> " + file);
    }

    return 0;
}
catch (HelpFormatException ex)
{
    // MSBuild shows "file(line): error" lines as build errors pointing at the markdown.
    Console.Error.WriteLine($"{ex.File}({ex.Line}): error NPSHELP: {ex.Message}");
    return 1;
}
