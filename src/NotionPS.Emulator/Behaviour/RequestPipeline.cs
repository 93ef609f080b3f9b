using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// What every API request goes through before its endpoint, in this order: counters, added latency, the fault
/// switch, the Notion-Version header, the token, the rate limit. It also turns every
/// <see cref="NotionException"/> (and any bug) into Notion's error body with a request_id.
/// </summary>
public sealed class RequestPipeline(RequestDelegate next, EmulatorState state, ILogger<RequestPipeline> logger)
{
    public const string AdminPrefix = "/__emulator";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-notion-request-id"] = requestId;

        // Notion's answers carry its time; with the clock skewed (PUT /__emulator/clock) it is the emulator's, not the host's.
        context.Response.Headers.Date = state.Clock.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments(AdminPrefix))
        {
            await next(context);
            return;
        }

        var workspace = state.Workspace;
        var integration = BearerToken(context.Request) is { } token ? workspace.FindIntegrationByToken(token) : null;
        var counters = integration is null ? null : state.Stats.For(integration.Id);
        try
        {
            if (counters is null)
            {
                state.Stats.CountUnauthenticated();
            }
            else
            {
                counters.CountRequest();
            }

            if (state.Options.LatencyMs > 0)
            {
                await Task.Delay(state.Options.LatencyMs, context.RequestAborted);
            }

            var fault = state.Faults.Draw(context.Request.Method, context.Request.Path);
            if (fault is not null)
            {
                counters?.CountFault();
                if (!await ApplyFaultAsync(context, fault))
                {
                    return;
                }
            }

            var version = ReadVersion(context.Request);
            var caller = Admit(integration);
            new NotionRequest(state, workspace, caller, version).AttachTo(context);
            if (fault?.Kind == FaultKind.AbortAfter)
            {
                await HandleThenAbortAsync(context);
                return;
            }

            if (fault?.Kind == FaultKind.AbortMidway)
            {
                await HandleThenCutAsync(context);
                return;
            }

            if (fault?.Kind == FaultKind.Rewrite)
            {
                await HandleThenRewriteAsync(context, fault.Find!, fault.Replace!);
                return;
            }

            await next(context);
        }
        catch (NotionException error)
        {
            await WriteErrorAsync(context, error, requestId, counters);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            counters?.CountAbandoned();
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            logger.LogError(error, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteErrorAsync(context, NotionException.ForStatus(500), requestId, counters);
        }
    }

    private static NotionVersion ReadVersion(HttpRequest request)
    {
        var header = request.Headers["Notion-Version"].ToString();
        if (header.Length == 0)
        {
            throw NotionException.MissingVersion();
        }

        return NotionVersion.Find(header) ?? throw NotionException.Validation(
            $"Notion-Version header failed validation: the emulator answers {string.Join(", ", NotionVersion.Supported.Select(v => v.Name))}, not `{header}`.");
    }

    /// <summary>The caller, if its token is known (and not revoked) and both rate limits let the request through.</summary>
    private Integration Admit(Integration? integration)
    {
        if (integration is null)
        {
            throw NotionException.Unauthorized();
        }

        return state.Limits.Admit(integration.Id) is { } refusal ? throw refusal : integration;
    }

    /// <summary>Does the work, sends the answer nowhere and drops the connection: the client cannot know it succeeded.</summary>
    private async Task HandleThenAbortAsync(HttpContext context)
    {
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        try
        {
            await next(context);
        }
        finally
        {
            context.Abort();
        }
    }

    /// <summary>
    /// Does the work and sends the status line, the headers (with the whole body's Content-Length) and the first half
    /// of the answer, then closes the connection: the client holds a cut answer. An error the endpoint throws goes out whole.
    /// Kestrel closes a response shorter than its Content-Length after sending what was written; HttpContext.Abort
    /// could discard the unsent half as well.
    /// </summary>
    private async Task HandleThenCutAsync(HttpContext context)
    {
        var answer = await HandleCapturedAsync(context);
        context.Response.ContentLength = answer.Length;
        context.Response.Headers.Connection = "close";
        await context.Response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), context.RequestAborted);
    }

    /// <summary>
    /// Does the work and sends the answer with every <paramref name="find"/> in its body (UTF-8 text, escapes as
    /// written) replaced by <paramref name="replace"/>, byte for byte: the body may then be JSON no serializer writes.
    /// </summary>
    private async Task HandleThenRewriteAsync(HttpContext context, string find, string replace)
    {
        var answer = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(await HandleCapturedAsync(context)).Replace(find, replace, StringComparison.Ordinal));
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    /// <summary>Runs the endpoint with its answer's body held back; the status and headers are set, nothing is sent yet.</summary>
    private async Task<byte[]> HandleCapturedAsync(HttpContext context)
    {
        var wire = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var answer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(answer));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(wire);
        }

        return answer.ToArray();
    }

    /// <summary>Applies a drawn fault; true when the request should go on (a stall that the client waited out, a hold released).</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Abort:
                context.Abort();
                return false;
            case FaultKind.Stall:
                await Task.Delay(fault.StallMs, context.RequestAborted);
                return true;
            case FaultKind.Hold:
                await state.Faults.HoldAsync(context.Request.Method, context.Request.Path, context.RequestAborted);
                return true;
            case FaultKind.AbortAfter:
            case FaultKind.AbortMidway:
            case FaultKind.Rewrite:
                return true;
            default:
                throw fault.ToException();
        }
    }

    private async Task WriteErrorAsync(HttpContext context, NotionException error, string requestId, EmulatorStats.Counters? counters)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var additionalData = error.AdditionalData?.DeepClone().AsObject();
        if (error.Status is StatusCodes.Status429TooManyRequests or 529)
        {
            // Notion sends Retry-After with both and repeats it in the body; a 429 names the limit it hit.
            additionalData ??= [];
            additionalData["retry_after"] ??= state.Limits.Settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.RetryAfter = additionalData["retry_after"]!.GetValue<string>();
            if (error.Status == StatusCodes.Status429TooManyRequests)
            {
                additionalData["rate_limit_reason"] ??= RateLimits.ConnectionReason;
                counters?.CountRateLimited(additionalData["rate_limit_reason"]!.GetValue<string>());
            }
        }

        var body = new JsonObject
        {
            ["object"] = "error",
            ["status"] = error.Status,
            ["code"] = error.Code,
            ["message"] = error.Message,
            ["request_id"] = requestId,
        };
        if (additionalData is not null)
        {
            body["additional_data"] = additionalData;
        }

        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(NotionResults.Serialize(body), context.RequestAborted);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
