using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace LocalCloudFront;

/// <summary>The CloudFront operations served: ListInvalidations (with faults) and ListDistributions.</summary>
public static class CloudFrontApi
{
    private const int ListDistributionsPageCap = 100;

    public static void MapCloudFrontApi(this WebApplication app)
    {
        app.MapGet("/2020-05-31/distribution/{distributionId}/invalidation", ListInvalidationsAsync);
        app.MapGet("/2020-05-31/distribution", ListDistributionsAsync);
        app.MapFallback("{*path}", (HttpContext context) => WriteErrorAsync(context, CloudFrontError.NotFound));
    }

    private static async Task ListInvalidationsAsync(HttpContext context, string distributionId, DistributionStore store)
    {
        if (!store.TryGet(distributionId, out Distribution distribution))
        {
            await WriteErrorAsync(context, CloudFrontError.NoSuchDistribution);
            return;
        }
        FaultSettings faults = distribution.Faults;
        List<string> applied = context.Features.GetRequiredFeature<CloudFrontExchange>().AppliedFaults;
        int requestNumber = distribution.CountListRequest();

        if (faults.DelayMs > 0)
        {
            applied.Add("delay");
            await Task.Delay(faults.DelayMs.Value, context.RequestAborted);
        }

        (int status, string body) = InjectedError(faults, requestNumber, applied) is CloudFrontError error
            ? ErrorAnswer(context, error)
            : InvalidationPage(context, distribution, applied);

        if (faults.ResetOnceAtRequest == requestNumber)
        {
            applied.Add("reset");
            await WriteXmlAsync(context, status, body, abortHalfway: true);
        }
        else if (faults.MalformedOnceAtRequest == requestNumber)
        {
            applied.Add("malformed");
            await WriteXmlAsync(context, StatusCodes.Status200OK, body[..(body.Length / 2)]);
        }
        else
        {
            await WriteXmlAsync(context, status, body);
        }
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

    private static (int Status, string Body) InvalidationPage(
        HttpContext context, Distribution distribution, List<string> applied)
    {
        DistributionSettings settings = distribution.Settings;
        if (Paging.TryResolve(context.Request.Query, settings.Count, settings.PageCap, distribution.IndexOf, out ListPage page)
            is CloudFrontError error)
        {
            return ErrorAnswer(context, error);
        }
        page = page with { NextMarker = page.IsTruncated ? distribution.GetInvalidation(page.End - 1).Id : null };

        int pageNumber = page.PageNumber();
        FaultSettings faults = distribution.Faults;
        // Page 1 has no previous NextMarker to repeat, so the loop starts on the first page that does.
        if (pageNumber >= faults.RepeatMarkerAtPage && page.Marker.Length > 0)
        {
            applied.Add("repeatMarker");
            page = page with { NextMarker = page.Marker, IsTruncated = true };
        }
        if (pageNumber == faults.TruncatedWithoutMarkerAtPage)
        {
            applied.Add("truncatedWithoutMarker");
            page = page with { NextMarker = null, IsTruncated = true };
        }
        return (StatusCodes.Status200OK, CloudFrontXml.InvalidationList(page, distribution));
    }

    private static Task ListDistributionsAsync(HttpContext context, DistributionStore store)
    {
        List<Distribution> distributions = store.SnapshotById();
        Func<string, int?> indexOf = id =>
            distributions.FindIndex(distribution => distribution.Id == id) is int index and >= 0 ? index : null;
        if (Paging.TryResolve(context.Request.Query, distributions.Count, ListDistributionsPageCap, indexOf, out ListPage page)
            is CloudFrontError error)
        {
            return WriteErrorAsync(context, error);
        }
        page = page with { NextMarker = page.IsTruncated ? distributions[page.End - 1].Id : null };
        return WriteXmlAsync(context, StatusCodes.Status200OK, CloudFrontXml.DistributionList(page, distributions));
    }

    private static (int Status, string Body) ErrorAnswer(HttpContext context, CloudFrontError error) =>
        (error.Status, CloudFrontXml.Error(error, context.Features.GetRequiredFeature<CloudFrontExchange>().RequestId));

    private static Task WriteErrorAsync(HttpContext context, CloudFrontError error)
    {
        (int status, string body) = ErrorAnswer(context, error);
        return WriteXmlAsync(context, status, body);
    }

    /// <summary>
    /// Writes the body with its full Content-Length; with <paramref name="abortHalfway"/> it sends the
    /// headers and half the body, then drops the connection, as a reset mid-response would.
    /// </summary>
    private static async Task WriteXmlAsync(HttpContext context, int status, string body, bool abortHalfway = false)
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
