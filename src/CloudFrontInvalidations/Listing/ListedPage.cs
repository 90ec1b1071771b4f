using System;
using System.Collections.Generic;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>One checked response of a Marker → NextMarker chain, with what the caller needs to report it.</summary>
    internal sealed class ListedPage<TResponse, TItem>
    {
        internal ListedPage(string operation, string target, int pageNumber, string? requestMarker, TResponse response,
            PageContents<TItem> contents, TimeSpan elapsed)
            : this(operation, target, pageNumber, requestMarker, response, contents.Items, contents.IsTruncated, contents.NextMarker, elapsed)
        {
        }

        private ListedPage(string operation, string target, int pageNumber, string? requestMarker, TResponse response,
            IReadOnlyList<TItem> items, bool isTruncated, string? nextMarker, TimeSpan elapsed)
        {
            Operation = operation;
            Target = target;
            PageNumber = pageNumber;
            RequestMarker = requestMarker;
            Response = response;
            Items = items;
            IsTruncated = isTruncated;
            NextMarker = nextMarker;
            Elapsed = elapsed;
        }

        internal string Operation { get; }
        internal string Target { get; }
        internal int PageNumber { get; }
        /// <summary>The Marker sent; null for the first page.</summary>
        internal string? RequestMarker { get; }
        internal TResponse Response { get; }
        internal IReadOnlyList<TItem> Items { get; }
        /// <summary>The listing has more after this page (the service said so, and no time window ended here).</summary>
        internal bool IsTruncated { get; }
        internal string? NextMarker { get; }
        internal TimeSpan Elapsed { get; }

        /// <summary>This page with only <paramref name="items"/>; when <paramref name="windowEnded"/>, the listing ends here.</summary>
        internal ListedPage<TResponse, TItem> Narrowed(IReadOnlyList<TItem> items, bool windowEnded) =>
            new ListedPage<TResponse, TItem>(Operation, Target, PageNumber, RequestMarker, Response, items,
                IsTruncated && !windowEnded, NextMarker, Elapsed);
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
        /// <summary>-CreatedAfter/-CreatedBefore of an invalidation listing; null: every item.</summary>
        public CreationWindow? Created { get; set; }
    }
}
