using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using NotionPS.Client;

namespace NotionPS.Tests.Hosting;

/// <summary>
/// A host whose console is a string: Out-Host (and so Out-Default) renders objects through the module's
/// format views into <see cref="Text"/>, the way a person sees them at the prompt, in a console of a
/// known width.
/// </summary>
public sealed class TextCaptureHost : PSHost
{
    private readonly CaptureUI ui = new();

    public string Text => ui.Buffer.ToString();

    /// <summary>Answers each -Confirm prompt, given its message (an index into the choices: 0 is Yes); unset, a prompt fails the test.</summary>
    public Func<string, int>? Choose
    {
        get => ui.Choose;
        set => ui.Choose = value;
    }

    /// <summary>
    /// What the person types at a Read-Host prompt, given the prompt's text; unset, a prompt fails the test. The answer
    /// comes back as a SecureString where Read-Host -AsSecureString asks for one.
    /// </summary>
    public Func<string, string>? Type
    {
        get => ui.Type;
        set => ui.Type = value;
    }

    /// <summary>The "What if:" lines printed, without the engine's colour escapes.</summary>
    public List<string> WhatIfLines =>
        Regex.Replace(Text, "\u001b\\[[0-9;]*m", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("What if:", StringComparison.Ordinal)).ToList();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => nameof(TextCaptureHost);

    public override PSHostUserInterface UI => ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class CaptureUI : PSHostUserInterface
    {
        public StringBuilder Buffer { get; } = new();

        public override PSHostRawUserInterface RawUI { get; } = new WideRawUI();

        public override void Write(string value) => Buffer.Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Buffer.Append(value);

        public override void WriteLine(string value) => Buffer.AppendLine(value);

        public override void WriteErrorLine(string value) => Buffer.AppendLine(value);

        public override void WriteDebugLine(string message) => Buffer.AppendLine("DEBUG: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message) => Buffer.AppendLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Buffer.AppendLine("WARNING: " + message);

        public Func<string, string>? Type { get; set; }

        /// <summary>Read-Host -Prompt: one field, a SecureString with -AsSecureString.</summary>
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            descriptions.ToDictionary(
                field => field.Name,
                field => field.ParameterTypeFullName == typeof(SecureString).FullName
                    ? new PSObject(SecureStrings.FromText(Answer(field.Name)))
                    : new PSObject(Answer(field.Name)));

        /// <summary>Answers a choice (a -Confirm prompt) given its message; null where the test expects none.</summary>
        public Func<string, int>? Choose { get; set; }

        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
            Choose?.Invoke(message) ?? throw new NotSupportedException("This test expects no prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("Tests never prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("Tests never prompt.");

        public override string ReadLine() => Answer(string.Empty);

        public override SecureString ReadLineAsSecureString() => SecureStrings.FromText(Answer(string.Empty));

        private string Answer(string prompt) => Type?.Invoke(prompt) ?? throw new NotSupportedException("This test expects no prompt.");
    }

    /// <summary>A console 160 columns wide, so tables are laid out as on a wide terminal.</summary>
    private sealed class WideRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; }

        public override Size BufferSize { get; set; } = new(160, 3000);

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override ConsoleColor ForegroundColor { get; set; }

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => new(160, 100);

        public override Size MaxWindowSize => new(160, 100);

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get; set; } = new(160, 100);

        public override string WindowTitle { get; set; } = string.Empty;

        public override void FlushInputBuffer()
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
    }
}
