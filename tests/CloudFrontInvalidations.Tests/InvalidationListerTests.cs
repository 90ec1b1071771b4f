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

            public InvalidationLister Lister() => new InvalidationLister(ListInvalidationsAsync);

            public Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request,
                CancellationToken cancellationToken = default)
            {
                Requests.Add(request);
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
            lister.ListPages(InvalidationOwner.Distribution("E1"), new ListingOptions { StartMarker = marker, PageSize = 2, AutoIterate = autoIterate }, CancellationToken.None)
                .SelectMany(p => p.Items).Select(i => i.Id!).ToList();

        [Fact]
        public void Follows_next_marker_until_not_truncated_and_keeps_service_order()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "D", "C", "D"), Page(false, null, "E"));

            Assert.Equal(new[] { "A", "B", "C", "D", "E" }, ListAll(source.Lister()));
            Assert.Equal(new string?[] { null, "B", "D" }, source.Requests.Select(r => r.Marker));
            Assert.All(source.Requests, r => Assert.Equal(2, r.MaxItems));
            Assert.All(source.Requests, r => Assert.Equal(InvalidationOwner.Distribution("E1"), r.Owner));
        }

        [Fact]
        public void In_progress_invalidations_with_an_id_no_request_may_carry_are_refused_each_alone()
        {
            ListInvalidationsResponse Items(params (string Id, string Status)[] items) => new ListInvalidationsResponse
            {
                InvalidationList = new InvalidationList
                {
                    IsTruncated = false,
                    Items = items.Select(item => new InvalidationSummary { Id = item.Id, Status = item.Status }).ToList(),
                },
            };
            var source = new ScriptedSource(_ => Items(("I1", "InProgress"), ("..", "InProgress"), ("I2?Marker=X", "InProgress"),
                ("../I3", "Completed"), ("I4", "InProgress")));

            var (targets, refused) = source.Lister().InProgress(InvalidationOwner.Tenant("dt_1"), CancellationToken.None);

            Assert.Equal(new[] { "I1", "I4" }, targets.Select(target => target.Id));
            Assert.All(targets, target => Assert.Equal(InvalidationOwner.Tenant("dt_1"), target.Owner));
            // A completed one is not waited for, so not refused either.
            Assert.Equal(new[] { "..", "I2?Marker=X" }, refused.Select(failure => failure.Id));
            Assert.StartsWith("ListInvalidationsForDistributionTenant gave the invalidation id '..', which is not valid", refused[0].Message);
        }

        [Fact]
        public void Empty_list_yields_one_page_with_no_items()
        {
            var source = new ScriptedSource(Page(false, null));
            Assert.Empty(ListAll(source.Lister()));
            Assert.Single(source.Requests);
        }

        [Fact]
        public void Without_auto_iteration_one_request_is_made_from_the_given_marker()
        {
            var source = new ScriptedSource(Page(true, "D", "C", "D"));
            Assert.Equal(new[] { "C", "D" }, ListAll(source.Lister(), marker: "B", autoIterate: false));
            Assert.Equal("B", Assert.Single(source.Requests).Marker);
        }

        [Fact]
        public void Pages_are_yielded_before_the_next_request_is_sent()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(false, null, "C"));
            using var pages = source.Lister().ListPages(InvalidationOwner.Distribution("E1"), new ListingOptions(), CancellationToken.None).GetEnumerator();

            Assert.True(pages.MoveNext());
            Assert.Single(source.Requests);
            Assert.True(pages.MoveNext());
            Assert.Equal(2, source.Requests.Count);
        }

        [Fact]
        public void Repeated_next_marker_stops_with_an_invalid_listing_after_no_extra_request()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(true, "B", "C", "D"));
            var lister = source.Lister();
            var delivered = new List<string>();

            var error = Assert.Throws<InvalidListingException>(() =>
            {
                foreach (var page in lister.ListPages(InvalidationOwner.Distribution("E1"), new ListingOptions(), CancellationToken.None))
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
            var error = Assert.Throws<InvalidListingException>(() => ListAll(source.Lister()));
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

            var error = Assert.Throws<ListingInterruptedException>(() => ListAll(source.Lister()));

            Assert.Same(cause, error.InnerException);
            Assert.Equal(2, error.ItemsDelivered);
            Assert.Equal("B", error.ResumeMarker);
        }

        [Fact]
        public void An_incomplete_page_is_its_own_failure_and_after_delivered_pages_says_where_to_resume()
        {
            var first = new ScriptedSource(_ => new ListInvalidationsResponse());
            Assert.Contains("no InvalidationList element", Assert.Throws<IncompleteResponseException>(() => ListAll(first.Lister())).Message);

            var later = new ScriptedSource(Page(true, "B", "A", "B"), Page(false, null, "C", ""));
            var error = Assert.Throws<ListingInterruptedException>(() => ListAll(later.Lister()));
            Assert.Contains("InvalidationSummary without an Id", Assert.IsType<IncompleteResponseException>(error.InnerException).Message);
            Assert.Equal(2, error.ItemsDelivered);
            Assert.Equal("B", error.ResumeMarker);
        }

        [Fact]
        public void Failure_of_the_first_request_is_passed_through_unwrapped()
        {
            var cause = new InvalidOperationException("no route");
            var source = new ScriptedSource(_ => throw cause);
            Assert.Same(cause, Assert.Throws<InvalidOperationException>(() => ListAll(source.Lister())));
        }

        [Fact]
        public void Cancellation_stops_before_the_next_request()
        {
            using var stopping = new CancellationTokenSource();
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(false, null, "C"));
            var lister = source.Lister();

            Assert.ThrowsAny<OperationCanceledException>(() =>
            {
                foreach (var _ in lister.ListPages(InvalidationOwner.Distribution("E1"), new ListingOptions(), stopping.Token)) stopping.Cancel();
            });
            Assert.Single(source.Requests);
        }

        private static readonly DateTime Newest = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>A page of items named by their age in hours (newest first): "h3" was created 3 hours before Newest.</summary>
        private static Func<ListInvalidationsRequest, ListInvalidationsResponse> TimedPage(bool truncated, string? nextMarker,
            params int?[] hoursOld) => _ => new ListInvalidationsResponse
            {
                InvalidationList = new InvalidationList
                {
                    IsTruncated = truncated,
                    NextMarker = nextMarker,
                    Quantity = hoursOld.Length,
                    Items = hoursOld.Select((h, i) => new InvalidationSummary
                    {
                        Id = h is int hours ? "h" + hours : "null" + i,
                        CreateTime = h is int age ? Newest.AddHours(-age) : (DateTime?)null,
                        Status = "Completed",
                    }).ToList(),
                },
            };

        private static List<ListedPage<ListInvalidationsResponse, InvalidationSummary>> ListWindow(ScriptedSource source,
            DateTime? after, DateTime? before, bool autoIterate = true) =>
            source.Lister().ListPages(InvalidationOwner.Distribution("E1"),
                new ListingOptions { Created = CreationWindow.From(after, before), AutoIterate = autoIterate }, CancellationToken.None).ToList();

        [Fact]
        public void A_window_stops_requesting_after_the_page_that_holds_the_first_older_item()
        {
            var source = new ScriptedSource(TimedPage(true, "h1", 0, 1), TimedPage(true, "h3", 2, 3), TimedPage(true, "h5", 4, 5),
                TimedPage(false, null, 6));

            var pages = ListWindow(source, Newest.AddHours(-2.5), null);

            Assert.Equal(new[] { "h0", "h1", "h2" }, pages.SelectMany(p => p.Items).Select(i => i.Id));
            Assert.Equal(new string?[] { null, "h1" }, source.Requests.Select(r => r.Marker));
            // The last page says the listing is over, and the response written by -Select '*' holds only the window.
            Assert.False(pages[1].IsTruncated);
            Assert.Equal(new[] { "h2" }, pages[1].Response.InvalidationList!.Items!.Select(i => i.Id));
            Assert.Equal(1, pages[1].Response.InvalidationList!.Quantity);
            Assert.Equal("h3", pages[1].NextMarker);
        }

        [Fact]
        public void An_item_exactly_at_created_after_is_inside_and_one_at_created_before_is_outside()
        {
            var source = new ScriptedSource(TimedPage(true, "h2", 0, 1, 2), TimedPage(false, null, 3));
            var pages = ListWindow(source, Newest.AddHours(-2), Newest.AddHours(-1));
            Assert.Equal(new[] { "h2" }, pages.SelectMany(p => p.Items).Select(i => i.Id));
            // h2 is not older than the window: the next page is still needed to know.
            Assert.Equal(2, source.Requests.Count);
        }

        [Fact]
        public void Created_before_alone_filters_but_never_stops_paging()
        {
            var source = new ScriptedSource(TimedPage(true, "h1", 0, 1), TimedPage(false, null, 2, 3));
            var pages = ListWindow(source, null, Newest.AddHours(-1.5));
            Assert.Equal(new[] { "h2", "h3" }, pages.SelectMany(p => p.Items).Select(i => i.Id));
            Assert.Equal(2, source.Requests.Count);
            Assert.True(pages[0].IsTruncated);
        }

        [Fact]
        public void Items_without_create_time_are_outside_any_window_and_do_not_stop_paging()
        {
            var source = new ScriptedSource(TimedPage(true, "null1", 0, null), TimedPage(false, null, 1, 9));
            var pages = ListWindow(source, Newest.AddHours(-5), null);
            Assert.Equal(new[] { "h0", "h1" }, pages.SelectMany(p => p.Items).Select(i => i.Id));
            Assert.Equal(2, source.Requests.Count);
        }

        [Fact]
        public void Without_auto_iteration_a_window_filters_the_one_page()
        {
            var source = new ScriptedSource(TimedPage(true, "h1", 0, 1));
            var pages = ListWindow(source, Newest.AddMinutes(-30), null, autoIterate: false);
            Assert.Equal("h0", Assert.Single(Assert.Single(pages).Items).Id);
            Assert.Single(source.Requests);
        }

        [Fact]
        public void A_page_older_than_the_window_from_its_first_item_is_the_last_and_writes_nothing()
        {
            var source = new ScriptedSource(TimedPage(true, "h7", 6, 7), TimedPage(false, null, 8));
            var page = Assert.Single(ListWindow(source, Newest.AddHours(-1), null));
            Assert.Empty(page.Items);
            Assert.Single(source.Requests);
        }

        [Fact]
        public void Tenant_listings_page_the_same_way_with_the_tenant_as_owner()
        {
            var source = new ScriptedSource(Page(true, "B", "A", "B"), Page(false, null, "C"));
            var items = source.Lister().ListPages(InvalidationOwner.Tenant("dt_1"), new ListingOptions { PageSize = 2 }, CancellationToken.None)
                .SelectMany(p => p.Items).ToList();

            Assert.Equal(new[] { "A", "B", "C" }, items.Select(i => i.Id));
            Assert.Equal(new string?[] { null, "B" }, source.Requests.Select(r => r.Marker));
            Assert.All(source.Requests, r => Assert.Equal(InvalidationOwner.Tenant("dt_1"), r.Owner));
            Assert.All(source.Requests, r => Assert.Equal("ListInvalidationsForDistributionTenant", r.OperationName));
        }
    }
}
