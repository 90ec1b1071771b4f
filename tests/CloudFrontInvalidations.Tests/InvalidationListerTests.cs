using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class InvalidationListerTests
    {
        /// <summary>An in-memory page source that serves a scripted chain and records what was asked.</summary>
        private sealed class ScriptedSource
        {
            private readonly Queue<Func<ListInvalidationsRequest, ListInvalidationsResponse>> _answers;

            public ScriptedSource(params Func<ListInvalidationsRequest, ListInvalidationsResponse>[] answers) =>
                _answers = new Queue<Func<ListInvalidationsRequest, ListInvalidationsResponse>>(answers);

            public List<ListInvalidationsRequest> Requests { get; } = new List<ListInvalidationsRequest>();
            public List<CancellationToken> Tokens { get; } = new List<CancellationToken>();

            public Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request,
                CancellationToken cancellationToken = default)
            {
                Requests.Add(request);
                Tokens.Add(cancellationToken);
                return Task.FromResult(_answers.Dequeue()(request));
            }
        }

        private static Func<ListInvalidationsRequest, ListInvalidationsResponse> Page(
            bool truncated, string? nextMarker, params string[] ids) => _ => new ListInvalidationsResponse
            {
                InvalidationList = new InvalidationList
                {
                    IsTruncated = truncated,
                    NextMarker = nextMarker,
                    Quantity = ids.Length,
                    Items = ids.Length == 0 ? null : ids.Select(id => new InvalidationSummary { Id = id, Status = "Completed" }).ToList(),
                },
            };

        private static List<string> ListAll(InvalidationLister lister, string? marker = null, bool autoIterate = true) =>
            lister.ListPages("E1", new ListingOptions { StartMarker = marker, PageSize = 2, AutoIterate = autoIterate }, CancellationToken.None)
                .SelectMany(p => p.Items).Select(i => i.Id!).ToList();

        [Fact]
        public void Follows_next_marker_until_not_truncated_and_keeps_service_order()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "D", "C", "D"), Page(false, null, "E"));

            Assert.Equal(new[] { "A", "B", "C", "D", "E" }, ListAll(new InvalidationLister(source.ListInvalidationsAsync)));
            Assert.Equal(new string?[] { null, "B", "D" }, source.Requests.Select(r => r.Marker));
            Assert.All(source.Requests, r => Assert.Equal(2, r.MaxItems));
            Assert.All(source.Requests, r => Assert.Equal("E1", r.DistributionId));
        }

        [Fact]
        public void Items_carry_their_distribution_id()
        {
            var source = new ScriptedSource(Page(false, null, "A"));
            var page = new InvalidationLister(source.ListInvalidationsAsync).ListPages("E9", new ListingOptions(), CancellationToken.None).Single();
            Assert.Equal("E9", page.Items.Single().DistributionId);
        }

        [Fact]
        public void Empty_list_yields_one_page_with_no_items()
        {
            var source = new ScriptedSource(Page(false, null));
            Assert.Empty(ListAll(new InvalidationLister(source.ListInvalidationsAsync)));
            Assert.Single(source.Requests);
        }

        [Fact]
        public void Without_auto_iteration_one_request_is_made_from_the_given_marker()
        {
            var source = new ScriptedSource(Page(true, "D", "C", "D"));
            Assert.Equal(new[] { "C", "D" }, ListAll(new InvalidationLister(source.ListInvalidationsAsync), marker: "B", autoIterate: false));
            Assert.Equal("B", Assert.Single(source.Requests).Marker);
        }

        [Fact]
        public void Pages_are_yielded_before_the_next_request_is_sent()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(false, null, "C"));
            using var pages = new InvalidationLister(source.ListInvalidationsAsync).ListPages("E1", new ListingOptions(), CancellationToken.None).GetEnumerator();

            Assert.True(pages.MoveNext());
            Assert.Single(source.Requests);
            Assert.True(pages.MoveNext());
            Assert.Equal(2, source.Requests.Count);
        }

        [Fact]
        public void Repeated_next_marker_stops_with_an_invalid_listing_after_no_extra_request()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "B", "C", "D"));
            var lister = new InvalidationLister(source.ListInvalidationsAsync);
            var delivered = new List<string>();

            var error = Assert.Throws<InvalidListingException>(() =>
            {
                foreach (var page in lister.ListPages("E1", new ListingOptions(), CancellationToken.None))
                    delivered.AddRange(page.Items.Select(i => i.Id!));
            });

            Assert.Equal(new[] { "A", "B", "C", "D" }, delivered);
            Assert.Equal(2, source.Requests.Count);
            Assert.Equal(ListingViolation.RepeatedNextMarker, error.Violation);
            Assert.Equal(4, error.ItemsDelivered);
            Assert.Equal("D", error.ResumeMarker);
            Assert.Contains("'B' again", error.Message);
        }

        [Fact]
        public void Truncated_page_without_next_marker_stops_with_an_invalid_listing()
        {
            var source = new ScriptedSource(Page(true, null, "A"));
            var error = Assert.Throws<InvalidListingException>(() => ListAll(new InvalidationLister(source.ListInvalidationsAsync)));
            Assert.Single(source.Requests);
            Assert.Equal(ListingViolation.TruncatedWithoutNextMarker, error.Violation);
            Assert.Equal("A", error.ResumeMarker);
            Assert.Contains("IsTruncated=true", error.Message);
        }

        [Fact]
        public void Failure_after_delivered_pages_says_how_many_and_where_to_resume()
        {
            var cause = new InvalidOperationException("connection reset");
            var source = new ScriptedSource(Page(true, "B", "A", "B"), _ => throw cause);

            var error = Assert.Throws<ListingInterruptedException>(() => ListAll(new InvalidationLister(source.ListInvalidationsAsync)));

            Assert.Same(cause, error.InnerException);
            Assert.Equal(2, error.ItemsDelivered);
            Assert.Equal("B", error.ResumeMarker);
        }

        [Fact]
        public void Failure_of_the_first_request_is_passed_through_unwrapped()
        {
            var cause = new InvalidOperationException("no route");
            var source = new ScriptedSource(_ => throw cause);
            Assert.Same(cause, Assert.Throws<InvalidOperationException>(() => ListAll(new InvalidationLister(source.ListInvalidationsAsync))));
        }

        [Fact]
        public void Cancellation_stops_before_the_next_request()
        {
            using var stopping = new CancellationTokenSource();
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(false, null, "C"));
            var lister = new InvalidationLister(source.ListInvalidationsAsync);

            Assert.ThrowsAny<OperationCanceledException>(() =>
            {
                foreach (var _ in lister.ListPages("E1", new ListingOptions(), stopping.Token)) stopping.Cancel();
            });
            Assert.Single(source.Requests);
        }
    
        private static IEnumerable<ListedPage<ListInvalidationsResponse, InvalidationSummary>> ReadAhead(InvalidationLister lister) =>
            lister.ListPages("E1", new ListingOptions { PageSize = 2, ReadAhead = true }, CancellationToken.None);

        [Fact]
        public void Read_ahead_requests_the_next_page_on_arrival_from_the_second_page_on()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "D", "C", "D"), Page(true, "F", "E", "F"), Page(false, null, "G"));
            using var pages = ReadAhead(new InvalidationLister(source.ListInvalidationsAsync)).GetEnumerator();

            Assert.True(pages.MoveNext());
            Assert.Single(source.Requests); // the first page is never read ahead of: -First 5 still sends one request
            Assert.True(pages.MoveNext());
            Assert.Equal(3, source.Requests.Count);
            Assert.True(pages.MoveNext());
            Assert.Equal(4, source.Requests.Count);
            Assert.True(pages.MoveNext());
            Assert.False(pages.MoveNext());
            Assert.Equal(new string?[] { null, "B", "D", "F" }, source.Requests.Select(r => r.Marker));
        }

        [Fact]
        public void Stopping_early_cancels_the_page_read_ahead()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "D", "C", "D"), Page(false, null, "E"));
            using (var pages = ReadAhead(new InvalidationLister(source.ListInvalidationsAsync)).GetEnumerator())
            {
                pages.MoveNext();
                pages.MoveNext();
            }

            Assert.Equal(3, source.Requests.Count);
            Assert.True(source.Tokens[2].IsCancellationRequested);
        }

        [Fact]
        public void Read_ahead_failure_surfaces_after_the_page_before_it_was_delivered()
        {
            var cause = new InvalidOperationException("reset");
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "D", "C", "D"), _ => throw cause);
            var delivered = new List<string>();

            var error = Assert.Throws<ListingInterruptedException>(() =>
            {
                foreach (var page in ReadAhead(new InvalidationLister(source.ListInvalidationsAsync))) delivered.AddRange(page.Items.Select(i => i.Id!));
            });

            Assert.Equal(new[] { "A", "B", "C", "D" }, delivered);
            Assert.Same(cause, error.InnerException);
            Assert.Equal(4, error.ItemsDelivered);
            Assert.Equal("D", error.ResumeMarker);
        }

        [Fact]
        public void Read_ahead_does_not_follow_a_repeated_marker()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "B", "C", "D"));
            Assert.Throws<InvalidListingException>(() => ReadAhead(new InvalidationLister(source.ListInvalidationsAsync)).ToList());
            Assert.Equal(2, source.Requests.Count);
        }
    }
}
