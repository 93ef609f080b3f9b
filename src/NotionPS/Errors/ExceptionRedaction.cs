using System;
using System.Reflection;

namespace NotionPS.Errors
{
    /// <summary>
    /// An exception with the token taken out of every text it carries, down its InnerException chain: a failure quotes the
    /// input as given, a file's path or what Notion answered, and <c>$Error[0].Exception.Message</c> shows that text, whatever
    /// the record's displayed message says.
    /// </summary>
    internal static class ExceptionRedaction
    {
        /// <summary>
        /// Exception's own field behind InnerException, which has no setter: a NotionException is redacted in place (to keep
        /// its type and facts), so a .NET inner exception quoting the token is swapped under it. Named alike on .NET Framework and .NET.
        /// </summary>
        private static readonly FieldInfo? InnerExceptionField = typeof(Exception).GetField("_innerException", BindingFlags.Instance | BindingFlags.NonPublic);

        /// <summary>
        /// <paramref name="exception"/> itself when nothing in it carries the token, or a NotionException redacted in place;
        /// any other exception that does is copied, as the same type where it has the usual (message, inner) constructor.
        /// </summary>
        public static Exception Redacted(Exception exception, Func<string, string> redact)
        {
            if (exception is NotionException notion)
            {
                notion.Redact(redact);
                RedactInner(notion, redact);
                return notion;
            }

            var inner = exception.InnerException == null ? null : Redacted(exception.InnerException, redact);
            var text = exception.ToString(); // its message, and what some types add beside it (a file's name)
            if (redact(text) == text && ReferenceEquals(inner, exception.InnerException))
            {
                return exception;
            }

            var message = redact(exception.Message);
            var sameType = exception.GetType().GetConstructor(new[] { typeof(string), typeof(Exception) });
            return sameType == null ? new Exception(message, inner) : (Exception)sameType.Invoke(new object?[] { message, inner });
        }

        private static void RedactInner(NotionException exception, Func<string, string> redact)
        {
            var inner = exception.InnerException;
            if (inner == null)
            {
                return;
            }

            var redacted = Redacted(inner, redact);
            if (!ReferenceEquals(redacted, inner))
            {
                InnerExceptionField?.SetValue(exception, redacted);
            }
        }
    }
}
