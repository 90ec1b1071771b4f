using System;
using System.Collections.Generic;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>One checked response of a Marker → NextMarker listing, with what the caller needs to report it.</summary>
    /// <param name="RequestMarker">The Marker sent; null for the first page.</param>
    /// <param name="IsTruncated">The listing has more after this page (the service said so, and no time window ended here).</param>
    internal sealed record ListedPage<TResponse, TItem>(
        string Operation,
        string Target,
        int PageNumber,
        string? RequestMarker,
        TResponse Response,
        IReadOnlyList<TItem> Items,
        bool IsTruncated,
        string? NextMarker,
        TimeSpan Elapsed);
}
