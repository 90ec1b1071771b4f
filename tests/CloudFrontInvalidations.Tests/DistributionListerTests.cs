using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class DistributionListerTests
    {
        private readonly List<string?> _markersSent = new List<string?>();

        /// <summary>A ListDistributions source answering each request with the next scripted list.</summary>
        private DistributionLister Lister(params DistributionList?[] lists)
        {
            var answers = new Queue<DistributionList?>(lists);
            return new DistributionLister((request, _) =>
            {
                _markersSent.Add(request.Marker);
                return Task.FromResult(new ListDistributionsResponse { DistributionList = answers.Dequeue() });
            });
        }

        private static DistributionList List(bool truncated, string? nextMarker, params string[] ids) => new DistributionList
        {
            IsTruncated = truncated,
            NextMarker = nextMarker,
            Items = ids.Select(id => new DistributionSummary { Id = id }).ToList(),
        };

        private static List<string?> Ids(DistributionLister lister) =>
            lister.ListPages(new ListingOptions(), CancellationToken.None).SelectMany(page => page.Items).Select(d => d.Id).ToList();

        [Fact]
        public void Follows_next_marker_and_keeps_the_service_order()
        {
            Assert.Equal(new[] { "E1", "E2", "E3" }, Ids(Lister(List(true, "E2", "E1", "E2"), List(false, null, "E3"))));
            Assert.Equal(new[] { null, "E2" }, _markersSent);
        }

        [Fact]
        public void A_repeated_next_marker_stops_with_the_paging_guard_of_every_listing()
        {
            var error = Assert.Throws<InvalidListingException>(() => Ids(Lister(List(true, "E2", "E1", "E2"), List(true, "E2", "E3"))));

            Assert.Equal(ListingViolation.RepeatedNextMarker, error.Violation);
            Assert.Equal(DistributionLister.Target, error.Target);
            Assert.Equal("E3", error.ResumeMarker);
            Assert.Equal(2, _markersSent.Count);
        }

        [Fact]
        public void A_response_without_DistributionList_is_incomplete()
        {
            var error = Assert.Throws<IncompleteResponseException>(() => Ids(Lister((DistributionList?)null)));
            Assert.Contains("DistributionList", error.Message);
        }

        [Fact]
        public void A_distribution_without_an_id_is_incomplete()
        {
            var error = Assert.Throws<IncompleteResponseException>(() => Ids(Lister(List(false, null, "E1", ""))));
            Assert.Contains("DistributionSummary without an Id", error.Message);
        }
    }
}
