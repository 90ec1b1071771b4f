using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>Get-CFInvalidationList's orchestration, against scripted ListInvalidations and ListDistributions.</summary>
    public sealed class ListingEngineTests
    {
        /// <summary>Each owner's pages of invalidation ids (a page "!" fails), served on the fan-out's threads.</summary>
        private sealed class ScriptedAccount
        {
            private readonly Dictionary<string, string[][]> _pages = new Dictionary<string, string[][]>();
            private readonly Dictionary<string, TimeSpan> _delays = new Dictionary<string, TimeSpan>();
            private readonly List<string[]?> _distributionPages = new List<string[]?>();
            private readonly HashSet<int> _repeatingPages = new HashSet<int>();

            public ConcurrentQueue<ListInvalidationsRequest> Requests { get; } = new ConcurrentQueue<ListInvalidationsRequest>();
            public int DistributionRequests { get; private set; }

            /// <param name="pages">Each page's ids; the marker of the next page is the page's number.</param>
            public ScriptedAccount Owner(string id, params string[][] pages)
            {
                _pages[id] = pages;
                return this;
            }

            public ScriptedAccount Slow(string id, TimeSpan delay)
            {
                _delays[id] = delay;
                return this;
            }

            /// <summary>A ListDistributions page; null fails with AccessDenied.</summary>
            public ScriptedAccount DistributionPage(params string[]? ids)
            {
                _distributionPages.Add(ids);
                return this;
            }

            /// <summary>A ListDistributions page, truncated, whose NextMarker is the marker it was asked with: a paging guard trips.</summary>
            public ScriptedAccount DistributionPageRepeatingItsMarker(params string[] ids)
            {
                _repeatingPages.Add(_distributionPages.Count);
                return DistributionPage(ids);
            }

            public ListingEngine Engine(ulong skip = 0, ulong first = ulong.MaxValue, int throttleLimit = 4, string? select = null,
                CancellationToken cancellationToken = default) =>
                new ListingEngine(new InvalidationLister(ListInvalidationsAsync), new DistributionLister(ListDistributionsAsync),
                    new ListingEngineOptions(ResponseSelector.Parse(select), skip, first, throttleLimit), cancellationToken);

            private async Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request, CancellationToken token)
            {
                Requests.Enqueue(request);
                if (_delays.TryGetValue(request.Owner.Id, out var delay)) await Task.Delay(delay, token);
                var pages = _pages[request.Owner.Id];
                var number = request.Marker == null ? 0 : int.Parse(request.Marker);
                if (pages[number].SequenceEqual(new[] { "!" })) throw new InvalidOperationException($"{request.Owner.Id} page {number} fails");
                var truncated = number + 1 < pages.Length;
                return new ListInvalidationsResponse
                {
                    InvalidationList = new InvalidationList
                    {
                        IsTruncated = truncated,
                        NextMarker = truncated ? (number + 1).ToString() : null,
                        Items = pages[number].Select(id => new InvalidationSummary { Id = id, Status = "Completed" }).ToList(),
                    },
                };
            }

            private Task<ListDistributionsResponse> ListDistributionsAsync(ListDistributionsRequest request, CancellationToken token)
            {
                var number = request.Marker == null ? 0 : int.Parse(request.Marker);
                DistributionRequests++;
                var ids = _distributionPages[number] ?? throw new InvalidOperationException("ListDistributions failed");
                var repeating = _repeatingPages.Contains(number);
                var truncated = repeating || number + 1 < _distributionPages.Count;
                return Task.FromResult(new ListDistributionsResponse
                {
                    DistributionList = new DistributionList
                    {
                        IsTruncated = truncated,
                        NextMarker = repeating ? request.Marker : truncated ? (number + 1).ToString() : null,
                        Items = ids.Select(id => new DistributionSummary { Id = id }).ToList(),
                    },
                });
            }
        }

        private static ListingInput Input(string distributionId) =>
            new ListingInput(InvalidationOwner.Distribution(distributionId), new ListingOptions());

        private static List<ListingEvent> Run(ListingEngine engine, params string[] distributionIds)
        {
            using (engine) return engine.List(distributionIds.Select(Input)).Concat(engine.End()).ToList();
        }

        private static List<ListingEvent> RunAccount(ListingEngine engine)
        {
            using (engine) return engine.ListAccount(owner => new ListingInput(owner, new ListingOptions())).Concat(engine.End()).ToList();
        }

        /// <summary>What the cmdlet writes to the output and error streams, in order: ids, and "error:target" for failures.</summary>
        private static List<string> Written(IEnumerable<ListingEvent> events) => events
            .Where(e => e.Kind == ListingEventKind.Output || e.Kind == ListingEventKind.Failed)
            .Select(e => e.Kind == ListingEventKind.Failed ? "error:" + e.Target : e.Output is InvalidationSummary item ? item.Id! : e.Output?.ToString() ?? "null")
            .ToList();

        private static ListingEvent Totals(List<ListingEvent> events)
        {
            Assert.Equal(ListingEventKind.Totals, events.Last().Kind);
            return Assert.Single(events, e => e.Kind == ListingEventKind.Totals);
        }

        [Fact]
        public void Concurrent_listings_are_written_in_input_order_whatever_answers_first()
        {
            var account = new ScriptedAccount()
                .Owner("E1", new[] { "a1", "a2" }, new[] { "a3" }).Slow("E1", TimeSpan.FromMilliseconds(150))
                .Owner("E2", new[] { "b1" })
                .Owner("E3", new[] { "c1", "c2" });

            var events = Run(account.Engine(throttleLimit: 3), "E1", "E2", "E3");

            Assert.Equal(new[] { "a1", "a2", "a3", "b1", "c1", "c2" }, Written(events));
            var totals = Totals(events);
            Assert.Equal(6UL, totals.Seen);
            Assert.True(totals.IsSeenExact);
        }

        [Fact]
        public void Skip_and_First_count_across_listings_and_no_listing_starts_once_First_is_reached()
        {
            var account = new ScriptedAccount()
                .Owner("E1", new[] { "a1", "a2" })
                .Owner("E2", new[] { "b1", "b2" }, new[] { "b3", "b4" }, new[] { "b5" })
                .Owner("E3", new[] { "c1" });

            var events = Run(account.Engine(skip: 3, first: 2, throttleLimit: 1), "E1", "E2", "E3");

            Assert.Equal(new[] { "b2", "b3" }, Written(events));
            Assert.DoesNotContain(account.Requests, r => r.Owner.Id == "E3");
            Assert.Equal(2, account.Requests.Count(r => r.Owner.Id == "E2"));
            Assert.False(Totals(events).IsSeenExact);
        }

        [Fact]
        public void First_reached_on_a_listing_last_page_with_nothing_else_pending_keeps_the_total_exact()
        {
            var account = new ScriptedAccount().Owner("E1", new[] { "a1" }, new[] { "a2" });

            var events = Run(account.Engine(first: 2), "E1");

            Assert.Equal(new[] { "a1", "a2" }, Written(events));
            var totals = Totals(events);
            Assert.Equal(2UL, totals.Seen);
            Assert.True(totals.IsSeenExact);
        }

        [Fact]
        public void A_failed_listing_is_reported_in_its_place_and_makes_the_total_a_lower_bound()
        {
            var account = new ScriptedAccount()
                .Owner("E1", new[] { "a1" }).Slow("E1", TimeSpan.FromMilliseconds(100))
                .Owner("E2", new[] { "b1" }, new[] { "!" })
                .Owner("E3", new[] { "c1" });

            var events = Run(account.Engine(throttleLimit: 3), "E1", "E2", "E3");

            Assert.Equal(new[] { "a1", "b1", "error:E2", "c1" }, Written(events));
            var failed = Assert.Single(events, e => e.Kind == ListingEventKind.Failed);
            Assert.Equal("Listing invalidations of distribution 'E2'", failed.Activity);
            // One page was delivered before the failure: it says where to resume.
            var interrupted = Assert.IsType<ListingInterruptedException>(failed.Failure);
            Assert.Equal("b1", interrupted.ResumeMarker);
            Assert.False(Totals(events).IsSeenExact);
        }

        [Fact]
        public void All_distributions_are_listed_in_the_account_order_with_an_exact_total()
        {
            var account = new ScriptedAccount()
                .DistributionPage("D1", "D2").DistributionPage("D3")
                .Owner("D1", new[] { "a1" }).Slow("D1", TimeSpan.FromMilliseconds(100))
                .Owner("D2", new string[0])
                .Owner("D3", new[] { "c1", "c2" });

            var events = RunAccount(account.Engine());

            Assert.Equal(new[] { "a1", "c1", "c2" }, Written(events));
            Assert.True(Totals(events).IsSeenExact);
            Assert.Equal(2, account.DistributionRequests);
            // Once the account's last page is in, the overall progress knows its total.
            Assert.Contains(events, e => e.Kind == ListingEventKind.Progress && e.Progress!.Status.StartsWith("3 of 3 done"));
        }

        [Fact]
        public void A_failing_ListDistributions_comes_after_the_distributions_listed_before_it()
        {
            var account = new ScriptedAccount()
                .DistributionPage("D1", "D2").DistributionPage(null)
                .Owner("D1", new[] { "a1", "a2" }).Slow("D1", TimeSpan.FromMilliseconds(100))
                .Owner("D2", new[] { "b1" });

            var events = RunAccount(account.Engine());

            Assert.Equal(new[] { "a1", "a2", "b1", "error:" + DistributionLister.Target }, Written(events));
            var failed = Assert.Single(events, e => e.Kind == ListingEventKind.Failed);
            Assert.Equal("Listing the account's distributions", failed.Activity);
            // What was written is counted in invalidations, not in the distributions the pager delivered, and no
            // -Marker resumes the account's listing.
            var partial = Assert.IsType<ListingInterruptedException>(failed.Failure);
            Assert.IsType<InvalidOperationException>(partial.InnerException);
            Assert.Equal(3, partial.ItemsDelivered);
            Assert.Null(partial.ResumeMarker);
            Assert.False(Totals(events).IsSeenExact);
        }

        [Fact]
        public void A_distribution_listed_with_a_bad_id_is_its_own_error_in_its_place_and_never_requested()
        {
            var longId = new string('A', 200);
            var account = new ScriptedAccount()
                .DistributionPage("D1", "..", "D2").DistributionPage("X?Marker=INJ", "E 1\u001b[2J", longId, "D3")
                .Owner("D1", new[] { "a1", "a2" }).Slow("D1", TimeSpan.FromMilliseconds(100))
                .Owner("D2", new[] { "b1" })
                .Owner("D3", new[] { "c1" });

            var events = RunAccount(account.Engine());

            Assert.Equal(new[] { "a1", "a2", "error:..", "b1", "error:X?Marker=INJ", "error:E 1 [2J", "error:" + longId.Substring(0, 127) + "…", "c1" },
                Written(events));
            Assert.Equal(new[] { "D1", "D2", "D3" }, account.Requests.Select(r => r.Owner.Id).Distinct().OrderBy(id => id));
            var failures = events.Where(e => e.Kind == ListingEventKind.Failed).ToList();
            Assert.All(failures, failed =>
            {
                Assert.IsType<InvalidIdInResponseException>(failed.Failure);
                Assert.Equal("Listing the account's distributions", failed.Activity);
                Assert.Null(failed.Owner);
            });
            Assert.Equal("ListDistributions gave the distribution id 'E 1 [2J', which is not valid (an id is ASCII letters and digits, " +
                "such as E2QWRUHAPOMQZL): no request was made with it.", failures[2].Failure!.Message);
            // The refused distributions' invalidations are not seen, so the count is not the total; the progress counts the others.
            Assert.False(Totals(events).IsSeenExact);
            Assert.Contains(events, e => e.Kind == ListingEventKind.Progress && e.Progress!.Status.StartsWith("3 of 3 done"));
        }

        [Fact]
        public void A_paging_guard_of_ListDistributions_counts_the_invalidations_written_not_the_distributions()
        {
            var account = new ScriptedAccount()
                .DistributionPage("D1").DistributionPageRepeatingItsMarker("D2")
                .Owner("D1", new[] { "a1", "a2" })
                .Owner("D2", new[] { "b1", "b2" });

            var events = RunAccount(account.Engine(skip: 1));

            Assert.Equal(new[] { "a2", "b1", "b2", "error:" + DistributionLister.Target }, Written(events));
            Assert.Equal(2, account.DistributionRequests);
            var partial = Assert.IsType<ListingInterruptedException>(Assert.Single(events, e => e.Kind == ListingEventKind.Failed).Failure);
            Assert.Equal(ListingViolation.RepeatedNextMarker, Assert.IsType<InvalidListingException>(partial.InnerException).Violation);
            Assert.Equal(3, partial.ItemsDelivered);
            Assert.Null(partial.ResumeMarker);
        }

        [Fact]
        public void First_reached_stops_listing_the_account()
        {
            var account = new ScriptedAccount()
                .DistributionPage("D1", "D2").DistributionPage("D3")
                .Owner("D1", new[] { "a1", "a2" })
                .Owner("D2", new[] { "b1" })
                .Owner("D3", new[] { "c1" });

            var events = RunAccount(account.Engine(first: 1, throttleLimit: 1));

            Assert.Equal(new[] { "a1" }, Written(events));
            Assert.Equal(1, account.DistributionRequests);
            Assert.DoesNotContain(account.Requests, r => r.Owner.Id != "D1");
            Assert.False(Totals(events).IsSeenExact);
        }

        [Fact]
        public void Select_a_parameter_writes_each_input_s_value_after_one_request_each()
        {
            var account = new ScriptedAccount()
                .Owner("E1", new[] { "a1" }, new[] { "a2" })
                .Owner("E2", new[] { "b1" });

            using var engine = account.Engine(select: "^DistributionId");

            // The value is the input's own id; one request still checks each distribution.
            var events = engine.List(new[] { "E1", "E2" }.Select(id => new ListingInput(InvalidationOwner.Distribution(id), new ListingOptions())))
                .Concat(engine.End()).ToList();

            Assert.Equal(new[] { "E1", "E2" }, Written(events));
            Assert.Equal(2, account.Requests.Count);
        }

        [Theory]
        [InlineData(null, new[] { "a2" }, new[] { "1" })]
        [InlineData(false, new[] { "a2", "a3" }, new[] { "1", "2" })]
        public void An_input_bound_with_a_Marker_lists_one_page_from_it_unless_NoAutoIteration_is_false(bool? noAutoIteration,
            string[] written, string[] markersSent)
        {
            var account = new ScriptedAccount().Owner("E1", new[] { "a1" }, new[] { "a2" }, new[] { "a3" });
            var plan = ListingPlan.From(null, null, null, 0, ulong.MaxValue, 4);
            using var engine = account.Engine();

            var input = plan.InputFor(InvalidationOwner.Distribution("E1"), "1", markerBound: true, 50, noAutoIteration);
            var events = engine.List(new[] { input }).Concat(engine.End()).ToList();

            Assert.Equal(written, Written(events));
            Assert.Equal(markersSent, account.Requests.Select(r => r.Marker));
            Assert.All(account.Requests, r => Assert.Equal(50, r.MaxItems));
            // One page by hand is not the whole listing; resumed to its end, it is everything after the marker.
            Assert.Equal(noAutoIteration == false, Totals(events).IsSeenExact);
        }

        [Fact]
        public void Tenants_and_distributions_are_listed_under_their_own_owner()
        {
            var account = new ScriptedAccount().Owner("dt_1", new[] { "t1" });
            using var engine = account.Engine();

            var events = engine.List(new[] { new ListingInput(InvalidationOwner.Tenant("dt_1"), new ListingOptions()) })
                .Concat(engine.End()).ToList();

            var item = Assert.Single(events, e => e.Kind == ListingEventKind.Output);
            Assert.Equal(InvalidationOwner.Tenant("dt_1"), item.Owner);
            Assert.Equal(InvalidationOwner.Tenant("dt_1"), Assert.Single(account.Requests).Owner);
        }

        [Fact]
        public void Cancelling_ends_a_listing_in_flight_promptly()
        {
            var account = new ScriptedAccount().Owner("E1", new[] { "a1" }).Slow("E1", TimeSpan.FromMinutes(5));
            using var stopping = new CancellationTokenSource();
            using var engine = account.Engine(cancellationToken: stopping.Token);
            var watch = Stopwatch.StartNew();
            stopping.CancelAfter(TimeSpan.FromMilliseconds(200));

            Assert.ThrowsAny<OperationCanceledException>(() => engine.List(new[] { Input("E1") }).Concat(engine.End()).ToList());

            // Well under the listing's five minutes; the margin is for a busy machine.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }
    }
}
