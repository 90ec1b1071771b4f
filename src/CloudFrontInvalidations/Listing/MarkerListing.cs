using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>What the pager must know of one Marker → NextMarker listing (ListInvalidations, ListDistributions, ...).</summary>
    /// <param name="Operation">The API's name for the operation (ListInvalidations), for reports.</param>
    /// <param name="Target">What is listed, for errors: a distribution id, a tenant id, "the account's distributions".</param>
    /// <param name="RequestPage">Sends the request for the page after a marker (null: the first page).</param>
    /// <param name="ReadPage">The paging members of the page's list element; null when the response lacks it.</param>
    /// <param name="IdOf">An item's id: every item must have one, and the last one delivered is where to resume.</param>
    /// <param name="ListElement">The list element's name, for what a broken response lacks.</param>
    /// <param name="ItemElement">The items' element name, likewise.</param>
    internal sealed record MarkerListing<TResponse, TItem>(
        string Operation,
        string Target,
        Func<string?, CancellationToken, Task<TResponse>> RequestPage,
        Func<TResponse, (bool? IsTruncated, string? NextMarker, IReadOnlyList<TItem>? Items)?> ReadPage,
        Func<TItem, string?> IdOf,
        string ListElement,
        string ItemElement);
}
