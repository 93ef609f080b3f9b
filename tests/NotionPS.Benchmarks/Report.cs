using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace NotionPS.Benchmarks;

/// <summary>The figures of a run: each a metric of one workload, measured on NotionPS and on what it is compared with.</summary>
internal sealed class Report
{
    private readonly List<Figure> figures = [];

    /// <summary>Records one repetition's value of a figure (created on first use, in the order of the run).</summary>
    public void Add(string workload, string metric, string against, double notionPs, double? other)
    {
        var figure = figures.FirstOrDefault(f => f.Workload == workload && f.Metric == metric);
        if (figure == null)
        {
            figure = new Figure(workload, metric, against);
            figures.Add(figure);
        }

        figure.NotionPs.Add(notionPs);
        if (other is { } value)
        {
            figure.Other.Add(value);
        }
    }

    public string Table()
    {
        var rows = new List<string[]> { new[] { "workload", "figure", "NotionPS median [min..max]", "compared with", "its median [min..max]", "NotionPS/other" } };
        rows.AddRange(figures.Select(f => new[]
        {
            f.Workload, f.Metric, Spread(f.NotionPs), f.Against, f.Other.Count == 0 ? "" : Spread(f.Other), f.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "",
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        return text.ToString();
    }

    public async Task<string> WriteJsonAsync(string directory, BenchmarkPlan plan, Machine machine)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"results-{DateTime.UtcNow:yyyyMMdd-HHmmss}{(plan.Quick ? "-quick" : "")}.json");
        var document = new
        {
            finishedUtc = DateTime.UtcNow,
            plan,
            machine,
            figures = figures.Select(f => new
            {
                f.Workload, f.Metric, notionPs = Summary.Of(f.NotionPs), against = f.Against, other = f.Other.Count == 0 ? null : Summary.Of(f.Other), ratio = f.Ratio,
            }),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }));
        return path;
    }

    private static string Spread(List<double> values)
    {
        var summary = Summary.Of(values);
        return values.Count == 1
            ? Format(summary.Median)
            : $"{Format(summary.Median)} [{Format(summary.Min)}..{Format(summary.Max)}]";
    }

    private static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 || value == Math.Floor(value) ? "0" : "0.0#", CultureInfo.InvariantCulture);

    private sealed record Figure(string Workload, string Metric, string Against)
    {
        public List<double> NotionPs { get; } = [];

        public List<double> Other { get; } = [];

        public double? Ratio => Other.Count == 0 || Summary.Of(Other).Median == 0 ? null : Summary.Of(NotionPs).Median / Summary.Of(Other).Median;
    }
}

/// <summary>Median and spread of a figure's repetitions.</summary>
internal sealed record Summary(double Median, double Min, double Max, int Count)
{
    public static Summary Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(median, sorted[0], sorted[^1], sorted.Length);
    }
}

/// <summary>Where the figures came from.</summary>
internal sealed record Machine(string Cpu, int LogicalCores, string Os, string DotNet, string Node)
{
    public static Machine Describe(string nodeVersion)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new Machine(cpu ?? RuntimeInformation.ProcessArchitecture.ToString(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, nodeVersion);
    }

    public override string ToString() => $"{Cpu}, {LogicalCores} logical cores; {Os}; {DotNet}; Node {Node}";
}
