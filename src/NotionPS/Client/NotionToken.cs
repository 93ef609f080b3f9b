using System;
using System.Runtime.InteropServices;
using System.Security;

namespace NotionPS.Client
{
    /// <summary>What is wrong with a token as given; <see cref="None"/> when it can go into a header.</summary>
    internal enum NotionTokenProblem
    {
        None,
        Empty,
        LineBreak,
        ControlCharacter,
        Space,
        NonAscii,
    }

    /// <summary>
    /// The one check a token passes, wherever it came from (SecureString, PSCredential, vault, environment),
    /// before it goes into the Authorization header: surrounding whitespace (the newline a token file ends
    /// with, a byte-order mark) is dropped, and anything but visible ASCII inside is refused, so a token can never add a header
    /// or split a request. The token is read in unmanaged memory and never appears in a message.
    /// </summary>
    internal static class NotionToken
    {
        private const string CopyAgain =
            "Copy it again from https://www.notion.so/my-integrations (View integration > Show), without the text around it.";

        /// <summary>A read-only copy of the token without surrounding whitespace, or null and the problem.</summary>
        public static (SecureString? Token, NotionTokenProblem Problem) Normalize(SecureString token) =>
            SecureStrings.WithUnwrapped(token, (pointer, length) =>
            {
                var start = 0;
                var end = length;
                while (start < end && IsSurrounding(CharAt(pointer, start)))
                {
                    start++;
                }

                while (end > start && IsSurrounding(CharAt(pointer, end - 1)))
                {
                    end--;
                }

                if (start == end)
                {
                    return ((SecureString?)null, NotionTokenProblem.Empty);
                }

                for (var index = start; index < end; index++)
                {
                    var problem = ProblemWith(CharAt(pointer, index));
                    if (problem != NotionTokenProblem.None)
                    {
                        return (null, problem);
                    }
                }

                var normalized = new SecureString();
                for (var index = start; index < end; index++)
                {
                    normalized.AppendChar(CharAt(pointer, index));
                }

                normalized.MakeReadOnly();
                return (normalized, NotionTokenProblem.None);
            });

        /// <summary>What to tell the user about <paramref name="problem"/>; never the token itself.</summary>
        public static string Describe(NotionTokenProblem problem)
        {
            switch (problem)
            {
                case NotionTokenProblem.Empty:
                    return "The token is empty. Copy the integration's secret from https://www.notion.so/my-integrations (View integration > Show).";
                case NotionTokenProblem.LineBreak:
                    return "The token has a line break inside it, which would split the request's headers; a token is one line. " + CopyAgain;
                case NotionTokenProblem.ControlCharacter:
                    return "The token has a tab or another control character inside it; a token has only letters, digits and a few symbols. " + CopyAgain;
                case NotionTokenProblem.Space:
                    return "The token has a space inside it; a token has only letters, digits and a few symbols. " + CopyAgain;
                case NotionTokenProblem.NonAscii:
                    return "The token has a character outside ASCII inside it (a typographic quote or dash, say); a token has only letters, digits and a few symbols. " + CopyAgain;
                default:
                    throw new ArgumentOutOfRangeException(nameof(problem));
            }
        }

        private static NotionTokenProblem ProblemWith(char character)
        {
            if (character == '\r' || character == '\n')
            {
                return NotionTokenProblem.LineBreak;
            }

            if (char.IsControl(character))
            {
                return NotionTokenProblem.ControlCharacter;
            }

            if (char.IsWhiteSpace(character))
            {
                return character == ' ' ? NotionTokenProblem.Space : NotionTokenProblem.NonAscii;
            }

            return character > '~' ? NotionTokenProblem.NonAscii : NotionTokenProblem.None;
        }

        /// <summary>Whitespace, and the byte-order mark and zero-width space a copy or an editor may add.</summary>
        private static bool IsSurrounding(char character) => char.IsWhiteSpace(character) || character == '\uFEFF' || character == '\u200B';

        private static char CharAt(IntPtr pointer, int index) => (char)Marshal.ReadInt16(pointer, index * 2);
    }
}
