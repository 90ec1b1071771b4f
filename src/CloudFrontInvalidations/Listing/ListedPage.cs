using System;
using System.Collections.Generic;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>One checked response of a Marker → NextMarker chain, with what the caller needs to report it.</summary>
    internal sealed class ListedPage<TResponse, TItem>
    {
        internal ListedPage(string operation, string target, int pageNumber, string? requestMarker, TResponse response,
            PageContents<TItem> contents, TimeSpan elapsed)
        {
            Operation = operation;
            Target = target;
            PageNumber = pageNumber;
            RequestMarker = requestMarker;
            Response = response;
            Items = contents.Items;
            IsTruncated = contents.IsTruncated;
            NextMarker = contents.NextMarker;
            Elapsed = elapsed;
        }

        internal string Operation { get; }
        internal string Target { get; }
        internal int PageNumber { get; }
        /// <summary>The Marker sent; null for the first page.</summary>
        internal string? RequestMarker { get; }
        internal TResponse Response { get; }
        internal IReadOnlyList<TItem> Items { get; }
        /// <summary>The service has more after this page.</summary>
        internal bool IsTruncated { get; }
        internal string? NextMarker { get; }
        internal TimeSpan Elapsed { get; }
    }

    /// <summary>How far and how a listing pages.</summary>
    internal sealed class ListingOptions
    {
        /// <summary>Start after this item id; null for the first page.</summary>
        public string? StartMarker { get; set; }
        /// <summary>Sent as MaxItems; null lets the service choose (100 on CloudFront).</summary>
        public int? PageSize { get; set; }
        /// <summary>Follow NextMarker until the list is not truncated; otherwise one page.</summary>
        public bool AutoIterate { get; set; } = true;
        /// <summary>
        /// From the second page on, request the next page as soon as a page arrives, so the caller writes one
        /// page while the next is on the wire. Leave off when the caller stops at a count (-First).
        /// </summary>
        public bool ReadAhead { get; set; }
    }
}
