using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NotionPS.Emulator.Files;

/// <summary>
/// Serves uploaded files at the signed URLs the API hands out, as S3 serves Notion's: no token, the signature and
/// the expiry in the query. A refusal answers as S3 does, with an XML error body: 403 AccessDenied once the URL
/// has expired, 403 SignatureDoesNotMatch for a URL that was not issued, 404 NoSuchKey for content no longer held.
/// </summary>
public static class FileDownloads
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(FileUploadStore.DownloadPrefix + "/{upload_id}/{name}", (HttpContext context, string upload_id) => Serve(context, upload_id));

    private static IResult Serve(HttpContext context, string uploadId)
    {
        var store = context.RequestServices.GetRequiredService<Behaviour.EmulatorState>().Files;
        var query = context.Request.Query;
        if (!Guid.TryParseExact(uploadId, "N", out var id)
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(store.Sign(id, expires)), Encoding.ASCII.GetBytes(query["signature"].ToString())))
        {
            return S3Error(StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }

        if (store.Now.ToUnixTimeSeconds() >= expires)
        {
            return S3Error(StatusCodes.Status403Forbidden, "AccessDenied", "Request has expired",
                $"<Expires>{DateTimeOffset.FromUnixTimeSeconds(expires):yyyy-MM-dd'T'HH:mm:ss'Z'}</Expires><ServerTime>{store.Now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</ServerTime>");
        }

        var upload = store.FindForDownload(id);
        if (upload?.ExternalUrl is { } source)
        {
            return Results.Redirect(source);
        }

        var path = upload is null ? null : store.ContentPath(upload);
        return path is not null && File.Exists(path)
            ? Results.File(path, upload!.ContentType ?? "application/octet-stream", enableRangeProcessing: true)
            : S3Error(StatusCodes.Status404NotFound, "NoSuchKey", "The specified key does not exist.");
    }

    private static IResult S3Error(int status, string code, string message, string extra = "") => Results.Text(
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message>{extra}<RequestId>{Guid.NewGuid():N}</RequestId></Error>",
        "application/xml",
        Encoding.UTF8,
        status);
}
