using System;
using System.Reflection;

namespace NotionPS.Errors
{
    /// <summary>
    /// An exception with the token taken out of every text it carries, down its InnerException chain: a failure quotes the
    /// input as given, a file's path or what Notion answered, and <c>$Error[0].Exception.Message</c> shows that text, whatever
    /// the record's displayed message says. It never throws: it runs inside WriteError, where a throw would lose the error.
    /// </summary>
    internal static class ExceptionRedaction
    {
        /// <summary>
        /// <paramref name="exception"/> itself when nothing in it carries the token, or a NotionException redacted in place;
        /// any other exception that does is copied, as the same type where it has the usual (message, inner) constructor.
        /// </summary>
        public static Exception Redacted(Exception exception, Func<string, string> redact) =>
            exception is NotionException notion ? Redacted(notion, redact) : RedactedForeign(exception, redact);

        /// <summary>
        /// <paramref name="exception"/> redacted in place, or, when its InnerException carries the token, re-created with that
        /// redacted (<see cref="NotionException.Recreated"/>): .NET gives an exception's InnerException no setter.
        /// </summary>
        public static NotionException Redacted(NotionException exception, Func<string, string> redact)
        {
            exception.Redact(redact);
            var inner = exception.InnerException;
            var redactedInner = inner == null ? null : Redacted(inner, redact);
            if (ReferenceEquals(redactedInner, inner))
            {
                return exception;
            }

            var standIn = exception.Recreated(redactedInner!);
            standIn.Redact(redact);
            return standIn;
        }

        private static Exception RedactedForeign(Exception exception, Func<string, string> redact)
        {
            var inner = exception.InnerException == null ? null : Redacted(exception.InnerException, redact);

            // Its message, and what some types add beside it (a file's name); one whose ToString throws is copied, unread.
            var text = TextOf(exception.ToString);
            if (text != null && redact(text) == text && ReferenceEquals(inner, exception.InnerException))
            {
                return exception;
            }

            var message = redact(TextOf(() => exception.Message) ?? exception.GetType().FullName);
            var copy = SameTypeCopy(exception, message, inner);

            // A copy whose constructor added a text of its own that quotes the token is no better than the original.
            var copyText = copy == null ? null : TextOf(copy.ToString);
            return copyText != null && redact(copyText) == copyText ? copy! : new Exception(message, inner);
        }

        /// <summary>A copy of its own type through the usual (message, inner) constructor; null when it has none or it refuses them.</summary>
        private static Exception? SameTypeCopy(Exception exception, string message, Exception? inner)
        {
            var constructor = exception.GetType().GetConstructor(new[] { typeof(string), typeof(Exception) });
            try
            {
                return (Exception?)constructor?.Invoke(new object?[] { message, inner });
            }
            catch (TargetInvocationException)
            {
                return null; // AggregateException(message, null), say, throws ArgumentNullException
            }
        }

        /// <summary>A text read through a foreign override (an exception's, a target's ToString) that may throw; null when it does.</summary>
        internal static string? TextOf(Func<string> read)
        {
            try
            {
                return read();
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return null;
            }
        }
    }
}
