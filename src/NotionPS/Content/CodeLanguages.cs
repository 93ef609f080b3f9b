using System;
using System.Collections.Generic;

namespace NotionPS.Content
{
    /// <summary>
    /// Fenced-code info strings to Notion's code languages (the <c>LanguageRequest</c> list of the official JS
    /// SDK's api-endpoints.ts) and back. A name Notion lists is taken as is (any case); the usual Markdown
    /// aliases (ps1, sh, js, cs, yml...) map to Notion's name; anything else becomes "plain text", and a code block
    /// in "plain text" is written back with no info string.
    /// </summary>
    internal static class CodeLanguages
    {
        public const string PlainText = "plain text";

        private static readonly HashSet<string> Notion = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "abap", "agda", "arduino", "ascii art", "assembly", "bash", "basic", "bnf", "c", "c#", "c++", "clojure",
            "coffeescript", "coq", "css", "dart", "dhall", "diff", "docker", "ebnf", "elixir", "elm", "erlang", "f#",
            "flow", "fortran", "gherkin", "glsl", "go", "graphql", "groovy", "haskell", "hcl", "html", "idris", "java",
            "javascript", "json", "julia", "kotlin", "latex", "less", "lisp", "livescript", "llvm ir", "lua", "makefile",
            "markdown", "markup", "matlab", "mathematica", "mermaid", "nix", "notion formula", "objective-c", "ocaml",
            "pascal", "perl", "php", PlainText, "powershell", "prolog", "protobuf", "purescript", "python", "r", "racket",
            "reason", "ruby", "rust", "sass", "scala", "scheme", "scss", "shell", "smalltalk", "solidity", "sql", "swift",
            "toml", "typescript", "vb.net", "verilog", "vhdl", "visual basic", "webassembly", "xml", "yaml", "java/c/c++/c#",
        };

        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ps"] = "powershell", ["ps1"] = "powershell", ["psm1"] = "powershell", ["pwsh"] = "powershell", ["posh"] = "powershell",
            ["sh"] = "shell", ["zsh"] = "shell", ["console"] = "shell", ["shell-session"] = "shell",
            ["js"] = "javascript", ["jsx"] = "javascript", ["mjs"] = "javascript", ["node"] = "javascript",
            ["ts"] = "typescript", ["tsx"] = "typescript",
            ["cs"] = "c#", ["csharp"] = "c#", ["cpp"] = "c++", ["cxx"] = "c++", ["h"] = "c", ["fs"] = "f#", ["fsharp"] = "f#",
            ["py"] = "python", ["rb"] = "ruby", ["rs"] = "rust", ["golang"] = "go", ["kt"] = "kotlin",
            ["yml"] = "yaml", ["dockerfile"] = "docker", ["make"] = "makefile", ["md"] = "markdown", ["tex"] = "latex",
            ["objc"] = "objective-c", ["vb"] = "visual basic", ["vbnet"] = "vb.net", ["proto"] = "protobuf",
            ["wasm"] = "webassembly", ["terraform"] = "hcl", ["tf"] = "hcl", ["htm"] = "html", ["xaml"] = "xml",
            ["text"] = PlainText, ["txt"] = PlainText, ["plaintext"] = PlainText, ["plain"] = PlainText,
        };

        /// <summary>Notion's language name for an info string's language (its first word); "plain text" when unknown or empty.</summary>
        public static string ToNotion(string? language)
        {
            if (string.IsNullOrWhiteSpace(language))
            {
                return PlainText;
            }

            var name = language!.Trim();
            if (Notion.Contains(name))
            {
                return name.ToLowerInvariant();
            }

            return Aliases.TryGetValue(name, out var notionName) ? notionName : PlainText;
        }

        /// <summary>
        /// The info string to write for a Notion language: the name itself, or nothing for plain text. Names with
        /// a space ("ascii art", "llvm ir") are written with a hyphen and read back through <see cref="ToNotion"/>.
        /// </summary>
        public static string ToInfoString(string? notionLanguage)
        {
            if (string.IsNullOrEmpty(notionLanguage) || string.Equals(notionLanguage, PlainText, StringComparison.OrdinalIgnoreCase))
            {
                return string.Empty;
            }

            return notionLanguage!.Replace(' ', '-');
        }

        /// <summary>Reads an info string's first word, undoing the hyphen <see cref="ToInfoString"/> puts in multi-word names.</summary>
        public static string FromInfoString(string info)
        {
            var word = info.Trim();
            var end = word.IndexOfAny(new[] { ' ', '\t', '{' });
            word = end < 0 ? word : word.Substring(0, end);
            var spaced = word.Replace('-', ' ');
            return Notion.Contains(spaced) ? spaced.ToLowerInvariant() : ToNotion(word);
        }
    }
}
