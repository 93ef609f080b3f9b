using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Keeps web pages away from the admin API, which needs no token: a request must be addressed to a loopback name
/// (a page on a DNS name that rebinds to 127.0.0.1 still sends its own name as Host), must not come from a web
/// page of another origin, and a body must be <c>application/json</c> (which a page cannot send to another origin
/// without a CORS preflight, which the emulator never grants).
/// </summary>
public static class AdminGuard
{
    /// <summary>Why the request is refused, or null when it may go on.</summary>
    public static NotionException? Refusal(HttpRequest request)
    {
        var host = request.Host.Host;
        if (!IsLoopbackName(host))
        {
            return new NotionException(StatusCodes.Status403Forbidden, "restricted_resource",
                $"The admin API answers only requests addressed to this machine by a loopback name (localhost, 127.0.0.1, [::1]), not \"{host}\".");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var originUri) && IsLoopbackName(originUri.Host)))
        {
            return new NotionException(StatusCodes.Status403Forbidden, "restricted_resource",
                $"The admin API does not answer web pages of other sites (Origin \"{origin}\"); call it from a test or a script on this machine.");
        }

        var hasBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        if (hasBody && !IsJson(request.ContentType))
        {
            return new NotionException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"An admin request body must be sent as Content-Type: application/json, not \"{request.ContentType}\".");
        }

        return null;
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
