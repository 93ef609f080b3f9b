using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Xunit;

namespace NotionPS.Tests.Errors;

/// <summary>
/// A command a message tells the user to run, read as PowerShell reads it when pasted: the value of one of its parameters.
/// </summary>
internal static class PastedCommand
{
    private static readonly object RunspaceLock = new();
    private static Runspace? runspace;

    /// <summary>
    /// The value <paramref name="text"/> gives <paramref name="parameter"/> (such as "-Vault") where it follows
    /// <paramref name="command"/>, when the command is pasted (<see cref="Bound"/>). A sentence's full stop straight after a bare argument ends the sentence, not the value.
    /// </summary>
    public static string ArgumentOf(string text, string command, string parameter)
    {
        var start = text.IndexOf(command + " ", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"No '{command}' in: {text}");
        Parser.ParseInput(text.Substring(start), out var tokens, out _);
        var parameterAt = System.Array.FindIndex(tokens, token => token is ParameterToken named && "-" + named.ParameterName == parameter);
        Assert.True(parameterAt > 0, $"No {parameter} after {command} in: {text}");
        var argument = tokens[parameterAt + 1].Extent.Text;
        if (tokens[parameterAt + 1].Kind == TokenKind.Generic && argument.EndsWith('.'))
        {
            argument = argument[..^1];
        }

        return Bound(argument);
    }

    /// <summary>
    /// What a parameter is given by <paramref name="argument"/> written after it: it must parse without errors and be one
    /// string (the parameter is untyped, so a number is not turned back into its text as a [string] parameter would).
    /// </summary>
    public static string Bound(string argument)
    {
        var line = "Test-Pasted -Value " + argument;
        Parser.ParseInput(line, out _, out var errors);
        Assert.True(errors.Length == 0, $"{line}: {string.Join("; ", errors.Select(e => e.Message))}");
        return Assert.IsType<string>(Run("function Test-Pasted { param($Value, [Parameter(ValueFromRemainingArguments)] $Rest) if ($Rest) { throw \"more than one argument: $Rest\" } $Value }\n" + line));
    }

    /// <summary>The value of <paramref name="expression"/> where an expression goes (the first element of a pipeline).</summary>
    public static object Value(string expression)
    {
        Parser.ParseInput(expression, out _, out var errors);
        Assert.True(errors.Length == 0, $"{expression}: {string.Join("; ", errors.Select(e => e.Message))}");
        return Run(expression + " | Write-Output");
    }

    private static object Run(string script)
    {
        lock (RunspaceLock)
        {
            if (runspace == null)
            {
                runspace = RunspaceFactory.CreateRunspace();
                runspace.Open();
            }

            using var powerShell = PowerShell.Create();
            powerShell.Runspace = runspace;
            var output = powerShell.AddScript(script).Invoke();
            Assert.True(powerShell.Streams.Error.Count == 0, string.Join("; ", powerShell.Streams.Error));
            return Assert.Single(output).BaseObject;
        }
    }
}
