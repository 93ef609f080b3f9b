using System;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// What one attempt at a request came to: the parsed body of a 2xx answer, or the failure and the server's Retry-After.
    /// </summary>
    /// <remarks>
    /// A class, as is <see cref="TimedAnswer"/>, rather than a tuple: the framework's async machinery for a class is
    /// shared code compiled ahead of time, where for a tuple (a struct) each of its methods is JIT-compiled at the
    /// session's first request, which every first cmdlet call waits for.
    /// </remarks>
    internal sealed class Attempt
    {
        private Attempt(JsonDocument? document, NotionApiException? failure, TimeSpan? retryAfter)
        {
            Document = document;
            Failure = failure;
            RetryAfter = retryAfter;
        }

        public JsonDocument? Document { get; }

        public NotionApiException? Failure { get; }

        public TimeSpan? RetryAfter { get; }

        public static Attempt Answered(JsonDocument document) => new Attempt(document, null, null);

        public static Attempt Failed(NotionApiException failure, TimeSpan? retryAfter = null) => new Attempt(null, failure, retryAfter);

        public void Deconstruct(out JsonDocument? document, out NotionApiException? failure, out TimeSpan? retryAfter)
        {
            document = Document;
            failure = Failure;
            retryAfter = RetryAfter;
        }
    }

    /// <summary>A parsed answer and how long its attempt took from sending to the parsed body (no rate-limit wait included).</summary>
    internal sealed class TimedAnswer
    {
        public TimedAnswer(JsonDocument document, TimeSpan roundTrip)
        {
            Document = document;
            RoundTrip = roundTrip;
        }

        public JsonDocument Document { get; }

        public TimeSpan RoundTrip { get; }

        public void Deconstruct(out JsonDocument document, out TimeSpan roundTrip)
        {
            document = Document;
            roundTrip = RoundTrip;
        }
    }
}
