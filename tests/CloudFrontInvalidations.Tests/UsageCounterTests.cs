using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Usage;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>The usage counter against scripted sources: what is requested, what is counted, in which order.</summary>
    public sealed class UsageCounterTests
    {
        private static readonly DateTime Now = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        private static readonly UsageMonth November = UsageMonth.From(new DateTime(2026, 11, 1), Now);

        private static DateTime Utc(int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
            new DateTime(2026, month, day, hour, minute, second, millisecond, DateTimeKind.Utc);

        /// <summary>Scripted distributions: invalidations newest first, paged; requests recorded; failures and delays on demand.</summary>
        private sealed class ScriptedSource : IUsageSource
        {
            internal readonly Dictionary<string, List<(string Id, DateTime CreateTime, string Status, string[] Paths)>> Owners =
                new Dictionary<string, List<(string, DateTime, string, string[])>>();
            internal int PageSize = 3;
            internal int DistributionPageSize = 100;
            internal readonly ConcurrentQueue<string> Requests = new ConcurrentQueue<string>();
            internal readonly Dictionary<string, Exception> ListFailures = new Dictionary<string, Exception>();
            internal readonly Dictionary<string, Exception> GetFailures = new Dictionary<string, Exception>();
            internal Exception? DistributionListFailureOnPage2;
            internal Func<string, int> DelayMs = _ => 0;
            internal CancellationToken Blocked = CancellationToken.None;
            internal int InFlight;
            internal int Peak;
            internal int GetsRequested;
            /// <summary>The most invalidations listed, at the time a page was requested, that no get had been requested for yet.</summary>
            internal int MostListedAheadOfGets;

            internal void Add(string owner, params (string Id, DateTime CreateTime, string Status, string[] Paths)[] newestFirst) =>
                Owners[owner] = newestFirst.ToList();

            public IEnumerable<IReadOnlyList<InvalidationOwner>> ListDistributions(CancellationToken cancellationToken)
            {
                var ids = Owners.Keys.ToList();
                for (var page = 0; page * DistributionPageSize < ids.Count || page == 0; page++)
                {
                    Requests.Enqueue($"ListDistributions {page + 1}");
                    if (page == 1 && DistributionListFailureOnPage2 != null) throw DistributionListFailureOnPage2;
                    yield return ids.Skip(page * DistributionPageSize).Take(DistributionPageSize).Select(InvalidationOwner.Distribution).ToList();
                }
            }

            public IEnumerable<IReadOnlyList<InvalidationSummary>> ListInvalidations(InvalidationOwner owner, CancellationToken cancellationToken)
            {
                var items = Owners[owner.Id];
                for (var page = 0; page * PageSize < items.Count || page == 0; page++)
                {
                    var listedAhead = page * PageSize - Volatile.Read(ref GetsRequested);
                    int most;
                    while ((most = MostListedAheadOfGets) < listedAhead && Interlocked.CompareExchange(ref MostListedAheadOfGets, listedAhead, most) != most) { }
                    Request($"List {owner.Id} {page + 1}", owner.Id, cancellationToken);
                    if (ListFailures.TryGetValue(owner.Id, out var failure)) throw failure;
                    yield return items.Skip(page * PageSize).Take(PageSize)
                        .Select(item => new InvalidationSummary { DistributionId = owner.Id, Id = item.Id, CreateTime = item.CreateTime, Status = item.Status })
                        .ToList();
                }
            }

            public Invalidation GetInvalidation(InvalidationTarget target, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref GetsRequested);
                Request($"Get {target.Owner.Id} {target.Id}", target.Owner.Id, cancellationToken);
                if (GetFailures.TryGetValue(target.Id, out var failure)) throw failure;
                var item = Owners[target.Owner.Id].Single(i => i.Id == target.Id);
                return new DistributionInvalidation
                {
                    DistributionId = target.Owner.Id,
                    Id = item.Id,
                    CreateTime = item.CreateTime,
                    Status = item.Status,
                    InvalidationBatch = new InvalidationBatch { Paths = new Paths { Quantity = item.Paths.Length, Items = item.Paths.ToList() } },
                };
            }

            private void Request(string description, string owner, CancellationToken token)
            {
                Requests.Enqueue(description);
                var now = Interlocked.Increment(ref InFlight);
                int peak;
                while ((peak = Peak) < now && Interlocked.CompareExchange(ref Peak, now, peak) != peak) { }
                try
                {
                    if (Blocked.CanBeCanceled) Task.Delay(Timeout.Infinite, token).Wait(token);
                    var delay = DelayMs(owner);
                    if (delay > 0) Task.Delay(delay, token).Wait(token);
                }
                finally
                {
                    Interlocked.Decrement(ref InFlight);
                }
            }
        }

        private readonly ScriptedSource _source = new ScriptedSource();

        private List<UsageEvent> Count(IReadOnlyList<string>? owners = null, int throttleLimit = 3, UsageMonth? month = null) =>
            new UsageCounter(_source).Count(new UsageOptions(month ?? November, owners?.Select(InvalidationOwner.Distribution).ToList(),
                throttleLimit, 0.005m, Now), CancellationToken.None).ToList();

        private static (string, DateTime, string, string[]) Item(string id, DateTime createTime, params string[] paths) =>
            (id, createTime, "Completed", paths);

        private static (string, DateTime, string, string[]) Pending(string id, DateTime createTime, params string[] paths) =>
            (id, createTime, "InProgress", paths);

        private List<string> Gets() => _source.Requests.Where(r => r.StartsWith("Get ")).ToList();

        [Fact]
        public void Counts_the_months_paths_by_kind_and_the_load_in_progress_now_with_one_get_per_invalidation()
        {
            _source.Add("E1",
                Pending("IDEC", Utc(12, 1, 9), "/new/*", "/new.html"),     // after the month, in progress: load only
                Item("IDEC0", Utc(12, 1), "/at-the-end.html"),              // the month's end is exclusive: neither
                Item("ILAST", Utc(11, 30, 23, 59, 59, 999), "/*", "#Product-1", "#product-2", "/a*b.html"),
                Pending("IMID", Utc(11, 15), "/images/*", "/docs/index.html", "#tag"),
                Item("IFIRST", Utc(11, 1), "/first.html", "/first.html"),    // the same path twice counts twice
                Item("IOCT", Utc(10, 31, 23, 59, 59, 999), "/older.html"),
                Item("IOLD", Utc(10, 1), "/much-older.html"));

            var events = Count(new[] { "E1" });

            var usage = Assert.Single(events, e => e.Kind == UsageEventKind.Counted).Usage!;
            Assert.Equal("E1", usage.DistributionId);
            Assert.Null(usage.DistributionTenantId);
            Assert.Equal("2026-11", usage.Month);
            Assert.Equal(3, usage.Invalidations);
            Assert.Equal(4 + 3 + 2, usage.Paths);
            Assert.Equal(2, usage.WildcardPaths);           // "/*" and "/images/*"; "/a*b.html" is literal
            Assert.Equal(3, usage.TagItems);
            Assert.Equal(2, usage.InProgressInvalidations);
            Assert.Equal(1 + 2, usage.InProgressPaths);     // "/new.html"; "/docs/index.html" and "#tag" (tags count as paths)
            Assert.Equal(2, usage.InProgressWildcardPaths); // "/new/*" and "/images/*"
            Assert.Equal(3000, usage.InProgressPathLimit);
            Assert.Equal(15, usage.InProgressWildcardPathLimit);
            Assert.Equal(new[] { "Get E1 IDEC", "Get E1 IFIRST", "Get E1 ILAST", "Get E1 IMID" }, Gets().OrderBy(g => g, StringComparer.Ordinal));
            Assert.Equal(Gets().Count, Gets().Distinct().Count());
            // Pages of 3: the third holds IOLD, but the second already holds IOCT, older than the month: no third request.
            Assert.Equal(new[] { "List E1 1", "List E1 2" }, _source.Requests.Where(r => r.StartsWith("List ")));
        }

        [Fact]
        public void An_invalidation_in_progress_older_than_the_month_on_the_last_page_listed_counts_into_the_load_only()
        {
            _source.Add("E1",
                Item("INOV", Utc(11, 2), "/a"),
                Pending("IOCT", Utc(10, 31, 23), "/b", "/c/*"),
                Item("IOCT2", Utc(10, 30), "/d"),
                Pending("ISEP", Utc(9, 30), "/never-seen"));

            var usage = Assert.Single(Count(new[] { "E1" }), e => e.Kind == UsageEventKind.Counted).Usage!;

            Assert.Equal((1, 1), (usage.Invalidations, usage.Paths));
            Assert.Equal((1, 1, 1), (usage.InProgressInvalidations, usage.InProgressPaths, usage.InProgressWildcardPaths));
            Assert.Equal(new[] { "Get E1 INOV", "Get E1 IOCT" }, Gets().OrderBy(g => g, StringComparer.Ordinal));
            Assert.Equal(new[] { "List E1 1" }, _source.Requests.Where(r => r.StartsWith("List ")));
        }

        [Fact]
        public void Owners_are_reported_in_scope_order_whatever_finishes_first_and_only_those_with_invalidations_in_the_month()
        {
            _source.Add("E1", Item("A1", Utc(11, 10), "/a"), Item("A2", Utc(11, 9), "/b"));
            _source.Add("E2", Item("B1", Utc(10, 10), "/old"));
            _source.Add("E3", Item("C1", Utc(11, 10), "/c", "/d"));
            _source.DelayMs = owner => owner == "E1" ? 200 : 0;

            var events = Count(new[] { "E1", "E2", "E3" });

            Assert.Equal(new[] { "E1", "E3" }, events.Where(e => e.Kind == UsageEventKind.Counted).Select(e => e.Usage!.DistributionId));
            var summary = events.Last().Summary!;
            Assert.Equal(3, summary.Distributions);
            Assert.Equal(3, summary.Invalidations);
            Assert.Equal(4, summary.Paths);
            Assert.True(summary.IsComplete);
            var last = events.Last(e => e.Kind == UsageEventKind.Progress).Progress!;
            Assert.Equal((3, 3, 3, 3), (last.OwnersDone, last.OwnersTotal!.Value, last.InvalidationsCounted, last.InvalidationsFound));
        }

        [Fact]
        public void The_account_is_every_distribution_listed_in_ListDistributions_order()
        {
            _source.DistributionPageSize = 2;
            foreach (var id in new[] { "E1", "E2", "E3" }) _source.Add(id, Item(id + "I", Utc(11, 2), "/" + id));

            var events = Count(owners: null);

            Assert.Equal(new[] { "E1", "E2", "E3" }, events.Where(e => e.Kind == UsageEventKind.Counted).Select(e => e.Usage!.DistributionId));
            Assert.Equal(2, _source.Requests.Count(r => r.StartsWith("ListDistributions")));
            var summary = events.Last().Summary!;
            Assert.True(summary.IsAccountWide);
            Assert.True(summary.IsComplete);
            // Every listing succeeded, yet the account's tenants were never listed: the note says so.
            Assert.Equal("Distribution tenants are not in the account's scope: ListDistributions lists distributions only, and a tenant's " +
                "invalidations are counted only when it is given with -DistributionTenantId.", summary.Note);
        }

        [Fact]
        public void A_failing_distribution_is_reported_in_its_place_and_the_others_are_still_counted()
        {
            _source.Add("E1", Item("A1", Utc(11, 10), "/a"));
            _source.Add("E2", Item("B1", Utc(11, 10), "/b"));
            _source.Add("E3", Item("C1", Utc(11, 10), "/c"), Item("C2", Utc(11, 9), "/d"));
            _source.ListFailures["E2"] = new InvalidOperationException("AccessDenied");
            _source.GetFailures["C2"] = new InvalidOperationException("NoSuchInvalidation");

            var events = Count(new[] { "E1", "E2", "E3" });

            Assert.Equal(new[] { "Counted E1", "Failed E2", "Failed E3" }, events
                .Where(e => e.Kind == UsageEventKind.Counted || e.Kind == UsageEventKind.Failed)
                .Select(e => e.Kind + " " + (e.Usage?.DistributionId ?? e.Target)));
            var failed = events.Where(e => e.Kind == UsageEventKind.Failed).ToList();
            Assert.Equal("AccessDenied", failed[0].Failure!.Message);
            Assert.Contains("distribution 'E2'", failed[0].Activity);
            Assert.Contains("invalidation C2", failed[1].Activity);
            var summary = events.Last().Summary!;
            Assert.False(summary.IsComplete);
            Assert.Equal(new[] { "E2", "E3" }, summary.FailedDistributions);
            Assert.Equal(1, summary.Paths);
            Assert.Equal(1, summary.Distributions);
            Assert.Contains("E2, E3", summary.Note);
        }

        [Fact]
        public void Ids_the_service_lists_that_no_request_may_carry_fail_alone_without_a_request()
        {
            _source.Add("E1", Item("A1", Utc(11, 10), "/a"));
            _source.Add("..", Item("B1", Utc(11, 10), "/b"));
            _source.Add("E2/../x?Marker=INJ", Item("C1", Utc(11, 10), "/c"));
            _source.Add("E3", Item("D1", Utc(11, 10), "/d"), Item("../D2\n", Utc(11, 9), "/e"));
            _source.Add("E4", Item("F1", Utc(11, 10), "/f"), Item("F 2", Utc(10, 9), "/old"));

            var events = Count(owners: null);

            Assert.Equal(new[] { "Counted E1", "Failed ..", "Failed E2/../x?Marker=INJ", "Failed E3", "Counted E4" }, events
                .Where(e => e.Kind == UsageEventKind.Counted || e.Kind == UsageEventKind.Failed)
                .Select(e => e.Kind + " " + (e.Usage?.DistributionId ?? e.Target)));
            var failed = events.Where(e => e.Kind == UsageEventKind.Failed).ToList();
            Assert.All(failed, f => Assert.IsType<InvalidIdInResponseException>(f.Failure));
            Assert.Equal("Counting invalidation usage: listing the account's distributions", failed[0].Activity);
            Assert.StartsWith("ListDistributions gave the distribution id '..', which is not valid", failed[0].Failure!.Message);
            Assert.Equal("Counting invalidation usage of distribution 'E3': listing its invalidations", failed[2].Activity);
            Assert.StartsWith("ListInvalidations gave the invalidation id '../D2', which is not valid", failed[2].Failure!.Message);
            // Nothing was requested with a bad id: neither a listing of those distributions nor a get of that invalidation.
            Assert.Equal(new[] { "List E1 1", "List E3 1", "List E4 1" }, _source.Requests.Where(r => r.StartsWith("List ")).OrderBy(r => r, StringComparer.Ordinal));
            Assert.DoesNotContain(_source.Requests, r => r.Contains("..") || r.Contains("D2") || r.Contains("F 2"));
            var summary = events.Last().Summary!;
            Assert.Equal(new[] { "..", "E2/../x?Marker=INJ", "E3" }, summary.FailedDistributions);
            Assert.False(summary.IsComplete);
        }

        [Fact]
        public void A_failing_ListDistributions_leaves_the_distributions_listed_before_it_counted_and_the_summary_incomplete()
        {
            _source.DistributionPageSize = 1;
            _source.Add("E1", Item("A1", Utc(11, 10), "/a"));
            _source.Add("E2", Item("B1", Utc(11, 10), "/b"));
            _source.DistributionListFailureOnPage2 = new InvalidOperationException("Throttling");

            var events = Count(owners: null);

            Assert.Equal("E1", Assert.Single(events, e => e.Kind == UsageEventKind.Counted).Usage!.DistributionId);
            var failed = Assert.Single(events, e => e.Kind == UsageEventKind.Failed);
            Assert.Equal("the account's distributions", failed.Target);
            Assert.False(events.Last().Summary!.IsComplete);
        }

        [Fact]
        public void Summary_bills_the_paths_beyond_the_free_thousand_and_says_the_allowance_is_account_wide_for_a_narrower_scope()
        {
            var items = Enumerable.Range(0, 30).Select(i => Item("I" + i, Utc(11, 20).AddMinutes(-i), Enumerable.Range(0, 40).Select(p => $"/{i}/{p}").ToArray())).ToArray();
            _source.PageSize = 100;
            _source.Add("E1", items);

            var summary = Count(new[] { "E1" }).Last().Summary!;

            Assert.Equal(1200, summary.Paths);
            Assert.Equal(1000, summary.FreePaths);
            Assert.Equal(200, summary.BillablePaths);
            Assert.Equal(1.000m, summary.EstimatedCost);
            Assert.Equal("USD", summary.Currency);
            Assert.False(summary.IsAccountWide);
            Assert.Contains("shared by every distribution of the account", summary.Note);
            Assert.DoesNotContain("tenant", summary.Note);
            Assert.True(summary.IsComplete);
        }

        [Fact]
        public void A_month_older_than_the_listed_history_is_warned_about_first_and_the_summary_is_not_complete()
        {
            _source.Add("E1", Item("A1", Utc(10, 10), "/a"));

            var events = Count(new[] { "E1" }, month: UsageMonth.From(new DateTime(2026, 10, 1), Now));

            Assert.Equal(UsageEventKind.Warning, events[0].Kind);
            Assert.Contains("2026-10", events[0].Message);
            Assert.Equal(1, events.Last().Summary!.Paths);
            Assert.False(events.Last().Summary!.IsComplete);
        }

        [Fact]
        public void Listings_and_gets_together_stay_within_the_throttle_limit_and_use_it()
        {
            _source.PageSize = 100;
            for (var d = 0; d < 6; d++)
                _source.Add("E" + d, Enumerable.Range(0, 10).Select(i => Item($"E{d}I{i}", Utc(11, 20).AddHours(-i), "/x")).ToArray());
            _source.DelayMs = _ => 20;

            var events = Count(_source.Owners.Keys.ToList(), throttleLimit: 4);

            Assert.Equal(60, events.Last().Summary!.Invalidations);
            Assert.Equal(60, Gets().Distinct().Count());
            Assert.Equal(60, Gets().Count);
            Assert.Equal(4, _source.Peak);
        }

        [Fact]
        public void A_long_listing_goes_on_only_as_its_gets_are_sent_so_the_gets_waiting_stay_within_a_few_pages()
        {
            // 30 pages of 100, all in the month: a get for each. The gets come after the listing in the fan-out's
            // order, so a listing that ran on would list all 30 pages while at most a window's worth of gets is sent.
            _source.PageSize = 100;
            _source.Add("E1", Enumerable.Range(0, 3000).Select(i => Item($"I{i:D4}", Utc(11, 28).AddMinutes(-i), "/x", "/y/*")).ToArray());

            var events = Count(new[] { "E1" }, throttleLimit: 2);

            var summary = events.Last().Summary!;
            Assert.Equal((3000, 6000, 3000), (summary.Invalidations, summary.Paths, summary.WildcardPaths));
            Assert.Equal(3000, Gets().Distinct().Count());
            Assert.Equal(30, _source.Requests.Count(r => r.StartsWith("List ")));
            Assert.InRange(_source.MostListedAheadOfGets, 0, 5 * 100);
        }

        [Fact]
        public void A_failing_get_ends_its_owners_listing_where_it_paused_rather_than_listing_on_for_a_moot_count()
        {
            // One a page, one request at a time: the first get fails while the listing waits for its gets to be sent.
            _source.PageSize = 1;
            _source.Add("E1", Enumerable.Range(0, 20).Select(i => Item($"I{i:D2}", Utc(11, 20).AddHours(-i), "/x")).ToArray());
            _source.GetFailures["I00"] = new InvalidOperationException("AccessDenied");

            var events = Count(new[] { "E1" }, throttleLimit: 1);

            Assert.Equal("E1", Assert.Single(events, e => e.Kind == UsageEventKind.Failed).Target);
            Assert.Equal(new[] { "E1" }, events.Last().Summary!.FailedDistributions);
            Assert.InRange(_source.Requests.Count(r => r.StartsWith("List ")), 1, 5);
        }

        [Fact]
        public void Cancellation_ends_the_count_within_half_a_second()
        {
            _source.Add("E1", Item("A1", Utc(11, 10), "/a"));
            using var blocked = new CancellationTokenSource();
            _source.Blocked = blocked.Token;
            using var stop = new CancellationTokenSource();
            var counting = Task.Run(() => new UsageCounter(_source).Count(
                new UsageOptions(November, new[] { InvalidationOwner.Distribution("E1") }, 2, 0.005m, Now), stop.Token).ToList());
            SpinWait.SpinUntil(() => _source.InFlight == 1, TimeSpan.FromSeconds(10));

            var clock = Stopwatch.StartNew();
            stop.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => counting.GetAwaiter().GetResult());
            // Half a second is the promise; the rest is margin for a busy machine.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
    }
}
