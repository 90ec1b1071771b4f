namespace LocalCloudFront;

/// <summary>One page of a list answer, before its items are written.</summary>
public sealed record ListPage(string Marker, string? NextMarker, int MaxItems, bool IsTruncated, int Start, int End)
{
    public int Quantity => End - Start;
}

/// <summary>CloudFront's Marker/MaxItems paging, shared by every list operation.</summary>
public static class Paging
{
    /// <summary>
    /// Resolves Marker and MaxItems against a list of <paramref name="total"/> items: the page starts
    /// right after the item whose id is Marker and holds at most min(MaxItems, pageCap) items.
    /// An absent or empty parameter counts as not given.
    /// </summary>
    public static CloudFrontError? TryResolve(
        IQueryCollection query, int total, int pageCap, Func<string, int?> indexOf, out ListPage page)
    {
        page = null!;
        string marker = query["Marker"].ToString();
        string maxItemsText = query["MaxItems"].ToString();

        int pageSize = pageCap;
        if (maxItemsText.Length > 0)
        {
            if (!int.TryParse(maxItemsText, System.Globalization.NumberStyles.None, null, out int maxItems) || maxItems < 1)
            {
                return CloudFrontError.InvalidArgument("MaxItems must be a positive integer.");
            }
            pageSize = Math.Min(maxItems, pageCap);
        }

        int start = 0;
        if (marker.Length > 0)
        {
            if (indexOf(marker) is not int markerIndex)
            {
                return CloudFrontError.InvalidArgument("The parameter Marker is not valid.");
            }
            start = markerIndex + 1;
        }

        int end = (int)Math.Min((long)start + pageSize, total);
        bool isTruncated = end < total;
        page = new ListPage(marker, NextMarker: null, pageSize, isTruncated, start, end);
        return null;
    }

    /// <summary>1-based page number for a client that keeps the same page size.</summary>
    public static int PageNumber(this ListPage page) => page.Start / page.MaxItems + 1;
}
