using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>The three requests usage is counted from; CloudFrontUsageSource sends them, tests script them.</summary>
    internal interface IUsageSource
    {
        /// <summary>ListDistributions, page by page, lazily: each page's request is sent when the page is asked for.</summary>
        IEnumerable<IReadOnlyList<InvalidationOwner>> ListDistributions(CancellationToken cancellationToken);

        /// <summary>An owner's invalidations, newest first, page by page, lazily (ListInvalidations or the tenant form).</summary>
        IEnumerable<IReadOnlyList<InvalidationSummary>> ListInvalidations(InvalidationOwner owner, CancellationToken cancellationToken);

        /// <summary>One invalidation with its paths (GetInvalidation or the tenant form); blocks until the answer.</summary>
        Invalidation GetInvalidation(InvalidationTarget target, CancellationToken cancellationToken);
    }
}
