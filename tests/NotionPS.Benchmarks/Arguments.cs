using System.Globalization;

namespace NotionPS.Benchmarks;

/// <summary>Command-line options of the form <c>--name value</c> or <c>--flag</c>.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchmarkException($"Unexpected argument '{args[i]}'.");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed.values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return parsed;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? ValueOrNull(string name) => values.TryGetValue(name, out var value) ? value : null;

    public string Value(string name) => ValueOrNull(name) ?? throw new BenchmarkException($"--{name} is required.");

    public int? IntOrNull(string name) => ValueOrNull(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public int Int(string name) => IntOrNull(name) ?? throw new BenchmarkException($"--{name} is required.");

    public double Double(string name) => double.Parse(Value(name), CultureInfo.InvariantCulture);
}

/// <summary>A failure of the benchmark itself (not a slow figure): it stops the run with a message.</summary>
internal sealed class BenchmarkException(string message) : Exception(message);
