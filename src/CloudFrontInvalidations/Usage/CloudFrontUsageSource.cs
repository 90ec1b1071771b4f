using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Getting;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>The usage counter's requests on one client, through the module's listers and getter (their guards and typed failures).</summary>
    internal sealed class CloudFrontUsageSource : IUsageSource
    {
        private readonly DistributionLister _distributions;
        private readonly InvalidationLister _invalidations;
        private readonly Operation<GetInvalidationRequest, GetInvalidationResponse> _getInvalidation;

        internal CloudFrontUsageSource(CloudFrontClient client)
        {
            _distributions = new DistributionLister(client.ListDistributionsAsync);
            _invalidations = new InvalidationLister(client.ListInvalidationsAsync);
            _getInvalidation = client.GetInvalidationAsync;
        }

        public IEnumerable<IReadOnlyList<InvalidationOwner>> ListDistributions(CancellationToken cancellationToken) =>
            AsCause(_distributions.ListPages(new ListingOptions(), cancellationToken)
                .Select(page => (IReadOnlyList<InvalidationOwner>)page.Items.Select(item => InvalidationOwner.Distribution(item.Id!)).ToList()));

        // The service's page size (100, its maximum): the fewest listing requests.
        public IEnumerable<IReadOnlyList<InvalidationSummary>> ListInvalidations(InvalidationOwner owner, CancellationToken cancellationToken) =>
            AsCause(_invalidations.ListPages(owner, new ListingOptions(), cancellationToken).Select(page => page.Items));

        public Invalidation GetInvalidation(InvalidationTarget target, CancellationToken cancellationToken) =>
            InvalidationGetter.GetOne(_getInvalidation, target, cancellationToken);

        /// <summary>
        /// A listing that fails after some pages fails with its cause, and a broken one without its resume marker:
        /// a count is run again whole, so where a listing could resume has no use here.
        /// </summary>
        private static IEnumerable<T> AsCause<T>(IEnumerable<T> pages)
        {
            using var enumerator = pages.GetEnumerator();
            while (true)
            {
                try
                {
                    if (!enumerator.MoveNext()) yield break;
                }
                catch (ListingInterruptedException interrupted) when (interrupted.InnerException != null)
                {
                    ExceptionDispatchInfo.Capture(interrupted.InnerException).Throw();
                }
                catch (InvalidListingException broken) when (broken.ItemsDelivered > 0)
                {
                    throw new InvalidListingException(broken.Violation, broken.Target, null, 0, broken.Message);
                }
                yield return enumerator.Current;
            }
        }
    }
}
