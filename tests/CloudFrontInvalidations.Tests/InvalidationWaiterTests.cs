using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Waiting;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>The wait loop against a scripted clock and a scripted source: what is polled when, and what is reported.</summary>
    public sealed class InvalidationWaiterTests
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);
        private readonly ScriptedClock _clock = new ScriptedClock();
        private readonly ConcurrentQueue<(string Id, double AtSeconds)> _polls = new ConcurrentQueue<(string, double)>();
        private readonly Dictionary<string, double> _completesAtSeconds = new Dictionary<string, double>();
        private readonly Dictionary<string, Func<int, Exception?>> _failures = new Dictionary<string, Func<int, Exception?>>();

        private static InvalidationTarget Target(string id) => new InvalidationTarget(InvalidationOwner.Distribution("E1"), id);

        /// <summary>The scripted source: Completed from its time on; a scripted failure for the n-th poll of an id.</summary>
        private Invalidation Get(InvalidationTarget target, CancellationToken token)
        {
            var at = _clock.Elapsed.TotalSeconds;
            _polls.Enqueue((target.Id, at));
            if (_failures.TryGetValue(target.Id, out var failure) && failure(_polls.Count(p => p.Id == target.Id)) is Exception e) throw e;
            return new DistributionInvalidation
            {
                DistributionId = target.Owner.Id,
                Id = target.Id,
                CreateTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(int.Parse(target.Id.Substring(1))),
                Status = at >= _completesAtSeconds[target.Id] ? "Completed" : "InProgress",
            };
        }

        private List<WaitEvent> Wait(TimeSpan timeout, params string[] ids) =>
            new InvalidationWaiter(Get, failure => failure is TimeoutException, _clock)
                .Wait(ids.Select(Target).ToList(), new WaitOptions(Interval, timeout, ThrottleLimit: 2), CancellationToken.None)
                .ToList();

        [Fact]
        public void Polls_only_what_is_still_pending_once_per_interval_and_reports_in_order_of_completion()
        {
            _completesAtSeconds["I3"] = 60;
            _completesAtSeconds["I1"] = 0;
            _completesAtSeconds["I2"] = 40;

            var events = Wait(TimeSpan.FromMinutes(30), "I3", "I1", "I2");

            Assert.Equal(new[] { "I1", "I2", "I3" },
                events.Where(e => e.Kind == WaitEventKind.Completed).Select(e => e.Invalidation!.Id));
            Assert.Equal(new[] { 20.0, 20.0, 20.0 }, _clock.Delays.Select(d => d.TotalSeconds));
            Assert.Equal(new[] { ("I1", 0.0), ("I2", 0.0), ("I2", 20.0), ("I2", 40.0), ("I3", 0.0), ("I3", 20.0), ("I3", 40.0), ("I3", 60.0) },
                _polls.OrderBy(p => p.Id).ThenBy(p => p.AtSeconds));
            var rounds = events.Where(e => e.Kind == WaitEventKind.RoundEnded).Select(e => e.Progress!).ToList();
            Assert.Equal(new[] { 1, 1, 2, 3 }, rounds.Select(p => p.Completed));
            Assert.All(rounds, p => Assert.Equal(3, p.Total));
            // The oldest pending is the one created first (I1 < I2 < I3 by CreateTime), among those pending.
            Assert.Equal(new[] { "I2", "I2", "I3", null }, rounds.Select(p => p.OldestPending?.Id));
        }

        [Fact]
        public void An_already_completed_invalidation_costs_one_request_and_no_sleep()
        {
            _completesAtSeconds["I1"] = 0;

            var events = Wait(TimeSpan.FromMinutes(30), "I1");

            Assert.Single(_polls);
            Assert.Empty(_clock.Delays);
            Assert.Equal(WaitEventKind.Completed, events[0].Kind);
        }

        [Fact]
        public void At_the_timeout_each_invalidation_still_in_progress_is_reported_with_its_last_answer()
        {
            _completesAtSeconds["I1"] = 30;
            _completesAtSeconds["I2"] = double.MaxValue;
            _completesAtSeconds["I3"] = double.MaxValue;

            var events = Wait(TimeSpan.FromSeconds(50), "I1", "I2", "I3");

            // The last sleep is cut to the deadline, and one last round runs there.
            Assert.Equal(new[] { 20.0, 20.0, 10.0 }, _clock.Delays.Select(d => d.TotalSeconds));
            Assert.Equal(new[] { 0.0, 20.0, 40.0, 50.0 }, _polls.Where(p => p.Id == "I2").Select(p => p.AtSeconds));
            var timedOut = events.Where(e => e.Kind == WaitEventKind.TimedOut).ToList();
            Assert.Equal(new[] { "I2", "I3" }, timedOut.Select(e => e.Target!.Id));
            Assert.All(timedOut, e =>
            {
                Assert.Equal("InProgress", e.Invalidation!.Status);
                var failure = Assert.IsType<WaitTimeoutException>(e.Failure);
                Assert.Equal(e.Target!.Id, failure.InvalidationId);
                Assert.Equal(TimeSpan.FromSeconds(50), failure.Timeout);
            });
            Assert.Equal(WaitEventKind.TimedOut, events.Last().Kind);
        }

        [Fact]
        public void The_timeout_cuts_a_request_in_flight_short()
        {
            var cancelledInFlight = false;
            Invalidation Hangs(InvalidationTarget target, CancellationToken token)
            {
                // The request outlives the wait's deadline, as against a silent endpoint.
                _clock.Advance(TimeSpan.FromSeconds(90));
                cancelledInFlight = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
                token.ThrowIfCancellationRequested();
                throw new InvalidOperationException("the deadline did not cancel the request");
            }

            var events = new InvalidationWaiter(Hangs, failure => failure is TimeoutException || failure is OperationCanceledException, _clock)
                .Wait(new[] { Target("I1") }, new WaitOptions(Interval, TimeSpan.FromSeconds(60), ThrottleLimit: 2), CancellationToken.None)
                .ToList();

            Assert.True(cancelledInFlight);
            Assert.Equal(new[] { WaitEventKind.RoundEnded, WaitEventKind.TimedOut }, events.Select(e => e.Kind));
            var failure = Assert.IsType<WaitTimeoutException>(events.Last().Failure);
            Assert.Equal(TimeSpan.FromSeconds(60), failure.Timeout);
            Assert.Contains("-TimeoutSec", failure.Message);
            Assert.Contains("60 s", failure.Message);
        }

        [Fact]
        public void A_failure_that_does_not_pass_takes_only_that_invalidation_out_of_the_wait()
        {
            _completesAtSeconds["I1"] = 20;
            _completesAtSeconds["I2"] = 0;
            _failures["I2"] = _ => new InvalidOperationException("NoSuchInvalidation");

            var events = Wait(TimeSpan.FromMinutes(30), "I1", "I2");

            var failed = Assert.Single(events, e => e.Kind == WaitEventKind.Failed);
            Assert.Equal("I2", failed.Target!.Id);
            Assert.Single(_polls, p => p.Id == "I2");
            Assert.Equal("I1", Assert.Single(events, e => e.Kind == WaitEventKind.Completed).Invalidation!.Id);
            Assert.Equal(1, events.Last(e => e.Kind == WaitEventKind.RoundEnded).Progress!.Failed);
        }

        [Fact]
        public void A_failure_that_may_pass_is_polled_again_next_round()
        {
            _completesAtSeconds["I1"] = 0;
            _failures["I1"] = poll => poll == 1 ? new TimeoutException("slow") : null;

            var events = Wait(TimeSpan.FromMinutes(30), "I1");

            Assert.Equal(new[] { WaitEventKind.PollFailed, WaitEventKind.RoundEnded, WaitEventKind.Completed, WaitEventKind.RoundEnded },
                events.Select(e => e.Kind));
            Assert.Equal(new[] { 0.0, 20.0 }, _polls.Select(p => p.AtSeconds));
        }

        [Fact]
        public void Polls_run_at_most_throttle_limit_at_once()
        {
            var inFlight = 0;
            var peak = 0;
            var waiter = new InvalidationWaiter((target, token) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref peak, now);
                Thread.Sleep(30);
                Interlocked.Decrement(ref inFlight);
                return new DistributionInvalidation { Id = target.Id, Status = "Completed" };
            }, _ => false, _clock);

            var completed = waiter.Wait(Enumerable.Range(1, 9).Select(i => Target("I" + i)).ToList(),
                new WaitOptions(Interval, TimeSpan.FromMinutes(1), ThrottleLimit: 3), CancellationToken.None)
                .Count(e => e.Kind == WaitEventKind.Completed);

            Assert.Equal(9, completed);
            Assert.Equal(3, peak);
        }

        [Fact]
        public void Cancelling_ends_the_sleep_at_once()
        {
            using var stopping = new CancellationTokenSource();
            var waiter = new InvalidationWaiter((target, token) => new DistributionInvalidation { Id = target.Id, Status = "InProgress" },
                _ => false, new StopwatchWaitClock());
            var stopwatch = Stopwatch.StartNew();
            var cancelledAt = TimeSpan.Zero;
            // Ctrl+C from a thread of its own: a timer (CancelAfter) fires on the thread pool, which parallel tests may keep busy.
            var ctrlC = new Thread(() =>
            {
                Thread.Sleep(200);
                cancelledAt = stopwatch.Elapsed;
                stopping.Cancel();
            });
            ctrlC.Start();

            Assert.ThrowsAny<OperationCanceledException>(() => waiter.Wait(new[] { Target("I1") },
                new WaitOptions(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), ThrottleLimit: 1), stopping.Token).ToList());

            ctrlC.Join();
            Assert.InRange((stopwatch.Elapsed - cancelledAt).TotalMilliseconds, 0, 500);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }
}
