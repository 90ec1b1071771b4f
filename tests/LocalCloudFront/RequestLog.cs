using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace LocalCloudFront;

/// <summary>
/// What the log keeps of one CloudFront request. Never the signature or the session token.
/// TimeUtc equals StartUtc (kept for older readers); StartUtc and EndUtc bound the time the request was
/// in flight (admitted to ending), so intervals of admitted requests overlap exactly when both were.
/// </summary>
public sealed record RequestLogEntry(
    long Sequence,
    DateTime TimeUtc,
    DateTime StartUtc,
    DateTime EndUtc,
    string? Operation,
    string Method,
    string Path,
    string Query,
    string? DistributionId,
    string? TenantId,
    string? InvalidationId,
    string? Marker,
    string? MaxItems,
    int Status,
    string? Fault,
    bool Aborted,
    string? AccessKeyId,
    string? CredentialDate,
    string? CredentialRegion,
    string? CredentialService,
    bool SecurityTokenPresent,
    string? UserAgent,
    string ConnectionId);

/// <summary>State of one CloudFront request that its handler shares with the logging middleware.</summary>
public sealed class CloudFrontExchange
{
    public string RequestId { get; } = Guid.NewGuid().ToString();
    public List<string> AppliedFaults { get; } = [];
}

/// <summary>The in-memory request log and its middleware, which also enforces maxConcurrent; thread-safe.</summary>
public sealed class RequestLog(ServerState server)
{
    /// <summary>The status logged when the connection was aborted before any answer was sent.</summary>
    public const int NoAnswer = 0;

    /// <summary>How long a read of the log waits for answers already sent to be logged.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly List<RequestLogEntry> entries = [];
    private long lastSequence;
    // Answers whose headers have gone out but whose entry is not logged yet: a client can have its answer first.
    private int answeredUnlogged;

    /// <summary>The log, once every answer already sent is in it.</summary>
    public async Task<IReadOnlyList<RequestLogEntry>> SnapshotAsync()
    {
        await SettleAsync();
        lock (gate)
        {
            return entries.ToArray();
        }
    }

    /// <summary>Clears the log, once every answer already sent is in it (so none lands after the clear).</summary>
    public async Task ClearAsync()
    {
        await SettleAsync();
        lock (gate)
        {
            entries.Clear();
        }
    }

    private async Task SettleAsync()
    {
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref answeredUnlogged) > 0 && waited.Elapsed < SettleLimit) await Task.Delay(2);
    }

    /// <summary>
    /// Middleware for the CloudFront side: gives each request its id and exchange, answers Throttling
    /// at once when maxConcurrent CloudFront requests are already in flight, then logs the request,
    /// also when the client or a fault aborted it.
    /// </summary>
    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var exchange = new CloudFrontExchange();
        context.Features.Set(exchange);
        context.Response.Headers["x-amz-request-id"] = exchange.RequestId;
        bool gated = context.Request.Path.StartsWithSegments(CloudFrontApi.PathPrefix);
        bool admitted = !gated || server.TryEnter();
        // Taken after admission and before leaving, so the log never shows more admitted requests
        // overlapping than the gate let in.
        DateTime startUtc = DateTime.UtcNow;
        // 0 before the answer starts, 1 once it has started and is counted, 2 once logged. Kestrel may start an
        // answer only after this middleware has returned (nothing written): then it is logged already and not counted.
        var answer = 0;
        context.Response.OnStarting(() =>
        {
            if (Interlocked.CompareExchange(ref answer, 1, 0) == 0) Interlocked.Increment(ref answeredUnlogged);
            return Task.CompletedTask;
        });
        try
        {
            if (admitted)
            {
                await next(context);
            }
            else
            {
                exchange.AppliedFaults.Add("concurrencyThrottle");
                await CloudFrontApi.WriteErrorAsync(context, CloudFrontError.Throttling);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. during an injected delay): nothing left to answer.
        }
        finally
        {
            DateTime endUtc = DateTime.UtcNow;
            if (gated && admitted)
            {
                server.Leave();
            }
            Add(context, exchange, startUtc, endUtc);
            if (Interlocked.Exchange(ref answer, 2) == 1) Interlocked.Decrement(ref answeredUnlogged);
        }
    }

    private void Add(HttpContext context, CloudFrontExchange exchange, DateTime startUtc, DateTime endUtc)
    {
        HttpRequest request = context.Request;
        SigV4Credential? credential = SigV4Credential.Parse(request.Headers.Authorization.ToString());
        lock (gate)
        {
            entries.Add(new RequestLogEntry(
                ++lastSequence,
                startUtc,
                startUtc,
                endUtc,
                context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
                request.Method,
                request.Path.ToString(),
                request.QueryString.ToString(),
                context.GetRouteValue("distributionId") as string,
                context.GetRouteValue("tenantId") as string,
                context.GetRouteValue("invalidationId") as string,
                request.Query.TryGetValue("Marker", out var marker) ? marker.ToString() : null,
                request.Query.TryGetValue("MaxItems", out var maxItems) ? maxItems.ToString() : null,
                context.Response.HasStarted ? context.Response.StatusCode : NoAnswer,
                exchange.AppliedFaults.Count > 0 ? string.Join(",", exchange.AppliedFaults) : null,
                context.RequestAborted.IsCancellationRequested,
                credential?.AccessKeyId,
                credential?.Date,
                credential?.Region,
                credential?.Service,
                request.Headers.ContainsKey("X-Amz-Security-Token"),
                request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null,
                context.Connection.Id));
        }
    }
}


/// <summary>The credential scope of a SigV4 Authorization header; the signature is not verified.</summary>
public sealed record SigV4Credential(string AccessKeyId, string? Date, string? Region, string? Service)
{
    private const string CredentialPrefix = "Credential=";

    /// <summary>Reads "AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, ...".</summary>
    public static SigV4Credential? Parse(string authorization)
    {
        int start = authorization.IndexOf(CredentialPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += CredentialPrefix.Length;
        int end = authorization.IndexOf(',', start);
        string[] parts = authorization[start..(end < 0 ? authorization.Length : end)].Trim().Split('/');
        return new SigV4Credential(parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2), parts.ElementAtOrDefault(3));
    }
}
