using Microsoft.AspNetCore.Routing;

namespace LocalCloudFront;

/// <summary>What the log keeps of one CloudFront request. Never the signature or the session token.</summary>
public sealed record RequestLogEntry(
    long Sequence,
    DateTime TimeUtc,
    string Method,
    string Path,
    string Query,
    string? DistributionId,
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

/// <summary>The in-memory request log; thread-safe.</summary>
public sealed class RequestLog
{
    /// <summary>The status logged when the connection was aborted before any answer was sent.</summary>
    public const int NoAnswer = 0;

    private readonly Lock gate = new();
    private readonly List<RequestLogEntry> entries = [];
    private long lastSequence;

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (gate)
        {
            return entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    /// <summary>
    /// Middleware for the CloudFront side: gives each request its id and exchange, then logs it,
    /// also when the client or a fault aborted it.
    /// </summary>
    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var exchange = new CloudFrontExchange();
        context.Features.Set(exchange);
        context.Response.Headers["x-amz-request-id"] = exchange.RequestId;
        DateTime timeUtc = DateTime.UtcNow;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. during an injected delay): nothing left to answer.
        }
        finally
        {
            Add(context, exchange, timeUtc);
        }
    }

    private void Add(HttpContext context, CloudFrontExchange exchange, DateTime timeUtc)
    {
        HttpRequest request = context.Request;
        SigV4Credential? credential = SigV4Credential.Parse(request.Headers.Authorization.ToString());
        lock (gate)
        {
            entries.Add(new RequestLogEntry(
                ++lastSequence,
                timeUtc,
                request.Method,
                request.Path.ToString(),
                request.QueryString.ToString(),
                context.GetRouteValue("distributionId") as string,
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
