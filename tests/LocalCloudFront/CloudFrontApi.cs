using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace LocalCloudFront;

/// <summary>
/// The CloudFront operations served: ListDistributions, ListInvalidations, GetInvalidation, CreateInvalidation
/// (CreateInvalidationApi) and their distribution-tenant forms, each with latency and fault injection. The route names are the operation
/// names the request log records.
/// </summary>
public static class CloudFrontApi
{
    /// <summary>The path prefix of every CloudFront operation (API version 2020-05-31).</summary>
    public const string PathPrefix = "/2020-05-31";

    public static void MapCloudFrontApi(this WebApplication app)
    {
        app.MapGet(PathPrefix + "/distribution", ListDistributionsAsync).WithName("ListDistributions");
        MapInvalidationRoutes(app, "distribution", "distributionId", store => store.Distributions,
            CloudFrontError.NoSuchDistribution, "ListInvalidations", "GetInvalidation");
        MapInvalidationRoutes(app, "distribution-tenant", "tenantId", store => store.Tenants,
            CloudFrontError.EntityNotFound, "ListInvalidationsForDistributionTenant", "GetInvalidationForDistributionTenant");
        app.MapCreateInvalidationApi();
        app.MapFallback("{*path}", (HttpContext context) => WriteErrorAsync(context, CloudFrontError.NotFound));
    }

    /// <summary>
    /// The list and get routes of one kind of owner (distributions or tenants); the owner's id is the
    /// route value <paramref name="ownerIdName"/>, the invalidation's "invalidationId" (the log reads both).
    /// </summary>
    private static void MapInvalidationRoutes(
        WebApplication app, string ownerSegment, string ownerIdName, Func<DistributionStore, DistributionCollection> owners,
        CloudFrontError ownerNotFound, string listOperation, string getOperation)
    {
        string listPath = $"{PathPrefix}/{ownerSegment}/{{{ownerIdName}}}/invalidation";
        Distribution? FindOwner(HttpContext context, DistributionStore store) =>
            owners(store).Find((string)context.GetRouteValue(ownerIdName)!);

        app.MapGet(listPath, (HttpContext context, DistributionStore store, ServerState server) =>
                ListInvalidationsAsync(context, server, FindOwner(context, store), ownerNotFound))
            .WithName(listOperation);
        app.MapGet(listPath + "/{invalidationId}", (HttpContext context, string invalidationId, DistributionStore store, ServerState server) =>
                GetInvalidationAsync(context, server, FindOwner(context, store), ownerNotFound, invalidationId))
            .WithName(getOperation);
    }

    public static Task WriteErrorAsync(HttpContext context, CloudFrontError error)
    {
        (int status, string body) = ErrorAnswer(context, error);
        return WriteXmlAsync(context, status, body);
    }

    /// <summary>A distribution's or a tenant's invalidations; <paramref name="owner"/> null answers <paramref name="ownerNotFound"/>.</summary>
    private static Task ListInvalidationsAsync(HttpContext context, ServerState server, Distribution? owner, CloudFrontError ownerNotFound)
    {
        FaultPlan? plan = owner?.FaultsFor(FaultScope.List);
        return AnswerAsync(context, server, plan, applied => owner is null
            ? ErrorAnswer(context, ownerNotFound)
            : PageAnswer(context, owner.Count, owner.Settings.PageCap, owner.IndexOf,
                index => owner.GetInvalidation(index).Id, plan?.Settings, applied,
                page => CloudFrontXml.InvalidationList(page, owner)));
    }

    private static Task GetInvalidationAsync(
        HttpContext context, ServerState server, Distribution? owner, CloudFrontError ownerNotFound, string invalidationId) =>
        AnswerAsync(context, server, owner?.FaultsFor(FaultScope.Get), _ =>
            owner is null ? ErrorAnswer(context, ownerNotFound)
            : owner.IndexOf(invalidationId) is int index
                ? (StatusCodes.Status200OK, CloudFrontXml.Invalidation(owner.GetInvalidationDetail(index)))
                : ErrorAnswer(context, CloudFrontError.NoSuchInvalidation));

    private static Task ListDistributionsAsync(HttpContext context, DistributionStore store, ServerState server)
    {
        FaultPlan plan = server.DistributionListFaults;
        return AnswerAsync(context, server, plan, applied =>
        {
            List<Distribution> distributions = store.Distributions.SnapshotById();
            Func<string, int?> indexOf = id =>
                distributions.FindIndex(distribution => distribution.Id == id) is int index and >= 0 ? index : null;
            return PageAnswer(context, distributions.Count, server.Settings.DistributionPageCap, indexOf,
                index => distributions[index].Id, plan.Settings, applied,
                page => CloudFrontXml.DistributionList(page, distributions));
        });
    }

    /// <summary>
    /// One answer through latency and faults: waits (the plan's delayMs when set, else the server's
    /// latencyMs), lets the plan's error faults replace the answer, then lets reset and malformed cut it.
    /// A null plan injects nothing.
    /// </summary>
    internal static async Task AnswerAsync(
        HttpContext context, ServerState server, FaultPlan? plan, Func<List<string>, (int Status, string Body)> answer)
    {
        List<string> applied = context.Features.GetRequiredFeature<CloudFrontExchange>().AppliedFaults;
        FaultSettings? faults = plan?.Settings;
        int requestNumber = plan?.CountRequest() ?? 0;

        int delayMs = faults?.DelayMs ?? server.Settings.LatencyMs;
        if (faults?.DelayMs > 0)
        {
            applied.Add("delay");
        }
        if (delayMs > 0)
        {
            await Task.Delay(delayMs, context.RequestAborted);
        }

        if (faults is not null && await HostileAnswerAsync(context, faults, applied))
        {
            return;
        }

        (int status, string body) = faults is not null && InjectedError(faults, requestNumber, applied) is CloudFrontError error
            ? ErrorAnswer(context, error)
            : answer(applied);
        if (faults?.RepeatElement is string repeated && status < 300 && WithElementTwice(body, repeated) is string twice)
        {
            applied.Add("repeatElement:" + repeated);
            body = twice;
        }

        if (faults?.ResetOnceAtRequest == requestNumber)
        {
            applied.Add("reset");
            await WriteXmlAsync(context, status, body, abortHalfway: true);
        }
        else if (faults?.MalformedOnceAtRequest == requestNumber)
        {
            applied.Add("malformed");
            await WriteXmlAsync(context, StatusCodes.Status200OK, body[..(body.Length / 2)]);
        }
        else
        {
            await WriteXmlAsync(context, status, body);
        }
    }

    /// <summary>
    /// The hostile answers (redirect, silence, trickle, endless body, hostile error body); true when one was sent.
    /// </summary>
    private static async Task<bool> HostileAnswerAsync(HttpContext context, FaultSettings faults, List<string> applied)
    {
        HttpResponse response = context.Response;
        if (faults.RedirectStatus is int redirect)
        {
            applied.Add("redirect");
            response.StatusCode = redirect;
            response.Headers.Location = faults.RedirectLocation ?? "";
            response.ContentLength = 0;
            return true;
        }
        if (faults.Silent)
        {
            applied.Add("silent");
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return true;
        }
        if (faults.EndlessBody)
        {
            applied.Add("endlessBody");
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/xml";
            byte[] items = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
                "<InvalidationSummary><Id>IENDLESS</Id><CreateTime>2026-01-01T00:00:00Z</CreateTime><Status>Completed</Status></InvalidationSummary>", 500)));
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes("<InvalidationList><Items>"), context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await response.Body.WriteAsync(items, context.RequestAborted);
            }
            return true;
        }
        if (faults.HostileError is string kind)
        {
            applied.Add("hostileError:" + kind);
            string headers = string.Join(" ", context.Request.Headers.Select(header => $"{header.Key}: {header.Value}"));
            string body = kind switch
            {
                "echoHeaders" => $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidArgument</Code><Message>{System.Security.SecurityElement.Escape(headers)}</Message></Error><RequestId>hostile</RequestId></ErrorResponse>",
                "ansi" => "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidArgument</Code><Message>\u001b[2J\u001b[Hcleared</Message></Error><RequestId>hostile</RequestId></ErrorResponse>",
                _ => $"<ErrorResponse><Error><Code>InvalidArgument</Code><Message>{headers} \u001b]0;title\u0007</Error></ErrorResponse",
            };
            await WriteXmlAsync(context, StatusCodes.Status400BadRequest, body);
            return true;
        }
        if (faults.TrickleMs is int pauseMs)
        {
            applied.Add("trickle");
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/xml";
            byte[] page = Encoding.UTF8.GetBytes("<InvalidationList><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity><Items></Items></InvalidationList>");
            foreach (byte one in page)
            {
                await response.Body.WriteAsync(new[] { one }, context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(pauseMs, context.RequestAborted);
            }
            return true;
        }
        return false;
    }

    /// <summary>The body with its first <paramref name="name"/> element written twice in a row; null when it has none.</summary>
    private static string? WithElementTwice(string body, string name)
    {
        int start = body.IndexOf($"<{name}>", StringComparison.Ordinal);
        int end = start < 0 ? -1 : body.IndexOf($"</{name}>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        end += name.Length + 3;
        return body.Insert(end, body[start..end]);
    }

    /// <summary>Range faults that replace the answer with an error; the first that applies wins.</summary>
    private static CloudFrontError? InjectedError(FaultSettings faults, int requestNumber, List<string> applied)
    {
        if (requestNumber <= faults.ThrottleFirst)
        {
            applied.Add("throttle");
            return CloudFrontError.Throttling;
        }
        if (requestNumber <= faults.ServerErrorFirst)
        {
            applied.Add("serverError");
            return CloudFrontError.ServerError(faults.ServerErrorStatus);
        }
        if (faults.ErrorCode is string code && requestNumber >= faults.ErrorAtRequest)
        {
            applied.Add("error:" + code);
            return CloudFrontError.Injected(code);
        }
        return null;
    }

    /// <summary>One page of a list of <paramref name="total"/> items, with the paging faults of <paramref name="faults"/>.</summary>
    private static (int Status, string Body) PageAnswer(
        HttpContext context, int total, int pageCap, Func<string, int?> indexOf, Func<int, string> idAt,
        FaultSettings? faults, List<string> applied, Func<ListPage, string> writePage)
    {
        if (Paging.TryResolve(context.Request.Query, total, pageCap, indexOf, out ListPage page) is CloudFrontError error)
        {
            return ErrorAnswer(context, error);
        }
        page = page with { NextMarker = page.IsTruncated ? idAt(page.End - 1) : null };

        int pageNumber = page.PageNumber();
        // Page 1 has no previous NextMarker to repeat, so the loop starts on the first page that does.
        if (pageNumber >= faults?.RepeatMarkerAtPage && page.Marker.Length > 0)
        {
            applied.Add("repeatMarker");
            page = page with { NextMarker = page.Marker, IsTruncated = true };
        }
        if (pageNumber == faults?.TruncatedWithoutMarkerAtPage)
        {
            applied.Add("truncatedWithoutMarker");
            page = page with { NextMarker = null, IsTruncated = true };
        }
        return (StatusCodes.Status200OK, writePage(page));
    }

    internal static (int Status, string Body) ErrorAnswer(HttpContext context, CloudFrontError error) =>
        (error.Status, CloudFrontXml.Error(error, context.Features.GetRequiredFeature<CloudFrontExchange>().RequestId));

    /// <summary>
    /// Writes the body with its full Content-Length; with <paramref name="abortHalfway"/> it sends the
    /// headers and half the body, then drops the connection, as a reset mid-response would.
    /// </summary>
    internal static async Task WriteXmlAsync(HttpContext context, int status, string body, bool abortHalfway = false)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/xml";
        response.ContentLength = bytes.Length;
        if (!abortHalfway)
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }
        await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
