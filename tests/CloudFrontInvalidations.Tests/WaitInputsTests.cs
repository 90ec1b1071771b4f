using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Waiting;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>Gathering a wait's inputs against scripted listings: what is waited for, and what is reported on the way.</summary>
    public sealed class WaitInputsTests
    {
        private static readonly InvalidationOwner E1 = InvalidationOwner.Distribution("E1");
        private static readonly InvalidationOwner Tenant1 = InvalidationOwner.Tenant("dt_1");

        /// <summary>Each owner's one page of (id, status), or the failure its listing throws.</summary>
        private readonly Dictionary<InvalidationOwner, Func<(string Id, string Status)[]>> _listings =
            new Dictionary<InvalidationOwner, Func<(string Id, string Status)[]>>();
        private readonly List<ListInvalidationsRequest> _requests = new List<ListInvalidationsRequest>();

        private WaitInputs Inputs() => new WaitInputs(new InvalidationLister(ListInvalidationsAsync));

        private Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request, CancellationToken cancellationToken)
        {
            _requests.Add(request);
            var items = _listings[request.Owner]();
            return Task.FromResult(new ListInvalidationsResponse
            {
                InvalidationList = new InvalidationList
                {
                    IsTruncated = false,
                    Quantity = items.Length,
                    Items = items.Select(item => new InvalidationSummary { Id = item.Id, Status = item.Status }).ToList(),
                },
            });
        }

        private static string Shown(IEnumerable<InvalidationTarget> targets) => string.Join(", ", targets.Select(target => target.ToString()));

        [Fact]
        public void Each_invalidation_is_kept_once_in_the_order_it_was_first_given_without_a_request()
        {
            var inputs = Inputs();

            inputs.Add(new InvalidationTarget(E1, "I1"));
            Assert.Empty(inputs.AddOwned(E1, new[] { "I2", "I1", "I2" }, CancellationToken.None));
            Assert.Empty(inputs.AddOwned(Tenant1, new[] { "I1" }, CancellationToken.None));
            Assert.Empty(inputs.AddOwned(InvalidationOwner.Distribution("E2"), new[] { "I1" }, CancellationToken.None));
            inputs.Add(new InvalidationTarget(E1, "I2"));
            inputs.Add(new InvalidationTarget(Tenant1, "I1"));

            Assert.Equal("invalidation I1 of distribution 'E1', invalidation I2 of distribution 'E1', invalidation I1 of distribution tenant 'dt_1', "
                + "invalidation I1 of distribution 'E2'", Shown(inputs.Targets));
            Assert.Empty(_requests);
        }

        [Fact]
        public void Without_ids_what_is_in_progress_is_added_each_refused_id_is_an_error_and_the_new_ones_are_counted()
        {
            _listings[E1] = () => new[] { ("I1", "InProgress"), ("..", "InProgress"), ("I2", "InProgress"), ("I3", "Completed"), ("I4", "InProgress") };
            var inputs = Inputs();
            inputs.Add(new InvalidationTarget(E1, "I4"));

            var gathering = inputs.AddOwned(E1, null, CancellationToken.None);
            Assert.Empty(_requests);
            var events = gathering.ToList();

            Assert.Equal(E1, Assert.Single(_requests).Owner);
            Assert.Equal("invalidation I4 of distribution 'E1', invalidation I1 of distribution 'E1', invalidation I2 of distribution 'E1'",
                Shown(inputs.Targets));
            Assert.Equal(new[] { WaitEventKind.ListingFailed, WaitEventKind.Verbose }, events.Select(e => e.Kind));
            var refused = Assert.IsType<InvalidIdInResponseException>(events[0].Failure);
            Assert.StartsWith("ListInvalidations gave the invalidation id '..'", refused.Message);
            Assert.Equal("Listing invalidations of distribution 'E1'", events[0].Activity);
            Assert.Equal("..", events[0].FailedId);
            // I4 was given before, so it is not one more to wait for.
            Assert.Equal("distribution 'E1': 2 invalidation(s) in progress to wait for.", events[1].Text);
        }

        [Fact]
        public void An_empty_id_list_lists_what_is_in_progress_as_no_ids_does()
        {
            _listings[Tenant1] = () => Array.Empty<(string, string)>();

            var events = Inputs().AddOwned(Tenant1, Array.Empty<string>(), CancellationToken.None).ToList();

            Assert.Equal(Tenant1, Assert.Single(_requests).Owner);
            Assert.Equal("distribution tenant 'dt_1': 0 invalidation(s) in progress to wait for.", Assert.Single(events).Text);
        }

        [Fact]
        public void A_failed_listing_is_that_owners_one_error_adds_nothing_and_the_next_owner_is_still_listed()
        {
            var failure = new TimeoutException("no answer");
            _listings[Tenant1] = () => throw failure;
            _listings[E1] = () => new[] { ("I1", "InProgress") };
            var inputs = Inputs();

            var failed = Assert.Single(inputs.AddOwned(Tenant1, null, CancellationToken.None));
            var listed = inputs.AddOwned(E1, null, CancellationToken.None).ToList();

            Assert.Equal(WaitEventKind.ListingFailed, failed.Kind);
            Assert.Same(failure, failed.Failure);
            Assert.Equal("Listing invalidations of distribution tenant 'dt_1'", failed.Activity);
            Assert.Equal("dt_1", failed.FailedId);
            Assert.Equal("invalidation I1 of distribution 'E1'", Shown(inputs.Targets));
            Assert.Equal("distribution 'E1': 1 invalidation(s) in progress to wait for.", Assert.Single(listed).Text);
        }

        [Fact]
        public void Ctrl_C_ends_the_gathering_without_an_error_but_a_request_cancelled_otherwise_is_the_owners_error()
        {
            using var stopping = new CancellationTokenSource();
            stopping.Cancel();
            _listings[E1] = () => throw new OperationCanceledException(stopping.Token);
            var inputs = Inputs();

            Assert.Throws<OperationCanceledException>(() => inputs.AddOwned(E1, null, stopping.Token).ToList());

            // An attempt's own timeout cancels without Ctrl+C: that is a failure of this owner's listing.
            var timedOut = Assert.Single(inputs.AddOwned(E1, null, CancellationToken.None));
            Assert.Equal(WaitEventKind.ListingFailed, timedOut.Kind);
            Assert.IsType<OperationCanceledException>(timedOut.Failure);
            Assert.Empty(inputs.Targets);
        }
    }
}
