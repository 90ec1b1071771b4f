using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.Concurrency;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class OrderedFanOutTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
        private readonly ConcurrentDictionary<string, int> _produced = new ConcurrentDictionary<string, int>();

        /// <summary>A unit yielding "name1".."nameN", counting each step it takes; <paramref name="beforeStep"/> runs first.</summary>
        private IEnumerable<string> Unit(string name, int count, CancellationToken token, Action<int>? beforeStep = null)
        {
            for (var i = 1; i <= count; i++)
            {
                token.ThrowIfCancellationRequested();
                beforeStep?.Invoke(i);
                _produced.AddOrUpdate(name, 1, (_, n) => n + 1);
                yield return name + i;
            }
        }

        private int Produced(string name) => _produced.TryGetValue(name, out var n) ? n : 0;

        private static void Eventually(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > Patience) throw new TimeoutException("Never happened: " + what);
                Thread.Sleep(5);
            }
        }

        /// <summary>Gives a unit that should be held back the time to misbehave.</summary>
        private static void Settle() => Thread.Sleep(150);

        private static string Describe(Delivery<string, string> delivery) => delivery.Kind switch
        {
            DeliveryKind.Started => "start " + delivery.Input,
            DeliveryKind.Result => delivery.Result,
            DeliveryKind.Completed => "end " + delivery.Input,
            _ => "failed " + delivery.Input + ": " + delivery.Failure!.Message,
        };

        [Fact]
        public void Results_come_back_in_input_order_whatever_finishes_first()
        {
            using var fanOut = new OrderedFanOut<string, string>(3, 10, fetchAhead: true, CancellationToken.None);
            // A's first result comes only after B and C have theirs.
            fanOut.Add("A", token => Unit("A", 2, token, step => { if (step == 1) Eventually(() => Produced("B") == 1 && Produced("C") == 1, "B1 and C1"); }));
            fanOut.Add("B", token => Unit("B", 2, token));
            fanOut.Add("C", token => Unit("C", 1, token));

            var seen = fanOut.Drain(0).Select(Describe).ToList();

            Assert.Equal(new[] { "start A", "A1", "A2", "end A", "start B", "B1", "B2", "end B", "start C", "C1", "end C" }, seen);
            Assert.Equal(0, fanOut.Pending);
        }

        [Fact]
        public void Never_more_than_throttleLimit_units_run_at_once()
        {
            var running = 0;
            var peak = 0;
            using var fanOut = new OrderedFanOut<string, string>(3, 10, fetchAhead: true, CancellationToken.None);
            IEnumerable<string> Busy(string name, CancellationToken token)
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                try
                {
                    foreach (var result in Unit(name, 3, token, _ => Thread.Sleep(10))) yield return result;
                }
                finally { Interlocked.Decrement(ref running); }
            }
            var names = Enumerable.Range(1, 12).Select(i => "U" + i.ToString("00")).ToList();
            foreach (var name in names) fanOut.Add(name, token => Busy(name, token));

            var results = fanOut.Drain(0).Where(d => d.Kind == DeliveryKind.Result).Select(d => d.Result).ToList();

            Assert.Equal(names.SelectMany(name => new[] { name + "1", name + "2", name + "3" }), results);
            Assert.InRange(peak, 2, 3);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
        }

        [Fact]
        public void A_full_buffer_stops_its_unit_until_the_consumer_takes_more()
        {
            using var fanOut = new OrderedFanOut<string, string>(2, 3, fetchAhead: true, CancellationToken.None);
            fanOut.Add("A", token => Unit("A", 100, token));
            fanOut.Add("B", token => Unit("B", 100, token));
            using var deliveries = fanOut.Drain(0).GetEnumerator();

            // start A, A1, A2: the consumer asked for more, so both units may fill their buffers of 3.
            for (var i = 0; i < 3; i++) deliveries.MoveNext();
            Eventually(() => Produced("A") >= 5 && Produced("B") >= 3, "both buffers filled");
            Settle();

            Assert.InRange(Produced("A"), 5, 6); // 2 taken + 3 buffered (+ 1 waiting for room)
            Assert.InRange(Produced("B"), 3, 4);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_consumer_that_stops_within_the_first_result_costs_each_unit_one_step(bool fetchAhead)
        {
            var fanOut = new OrderedFanOut<string, string>(2, 3, fetchAhead, CancellationToken.None);
            fanOut.Add("A", token => Unit("A", 5, token));
            fanOut.Add("B", token => Unit("B", 5, token));
            using (var deliveries = fanOut.Drain(0).GetEnumerator())
            {
                deliveries.MoveNext();
                deliveries.MoveNext(); // A1: the consumer writes it and needs nothing more (Select-Object -First)
                Assert.Equal("A1", deliveries.Current.Result);
                Eventually(() => Produced("B") == 1, "B's first result fetched ahead");
                Settle();
            }
            fanOut.Dispose();
            Settle();

            Assert.Equal(1, Produced("A"));
            Assert.Equal(1, Produced("B"));
        }

        [Fact]
        public void Without_fetch_ahead_a_unit_takes_a_step_only_when_the_consumer_asks()
        {
            using var fanOut = new OrderedFanOut<string, string>(1, 3, fetchAhead: false, CancellationToken.None);
            fanOut.Add("A", token => Unit("A", 5, token));
            using var deliveries = fanOut.Drain(0).GetEnumerator();
            deliveries.MoveNext(); // start A

            for (var taken = 1; taken <= 3; taken++)
            {
                Assert.True(deliveries.MoveNext());
                Settle();
                Assert.Equal(taken, Produced("A"));
            }
        }

        [Fact]
        public void A_failure_is_delivered_in_place_after_the_results_before_it()
        {
            using var fanOut = new OrderedFanOut<string, string>(3, 10, fetchAhead: true, CancellationToken.None);
            fanOut.Add("A", token => Unit("A", 1, token));
            fanOut.Add("B", token => Unit("B", 3, token, step => { if (step == 2) throw new InvalidOperationException("broken"); }));
            fanOut.Add("C", token => Unit("C", 1, token));

            var seen = fanOut.Drain(0).Select(Describe).ToList();

            Assert.Equal(new[] { "start A", "A1", "end A", "start B", "B1", "failed B: broken", "start C", "C1", "end C" }, seen);
        }

        [Fact]
        public void Pending_units_are_handed_back_only_as_far_as_they_are_ready_unless_over_the_limit()
        {
            using var release = new ManualResetEventSlim();
            using var fanOut = new OrderedFanOut<string, string>(2, 10, fetchAhead: true, CancellationToken.None);
            fanOut.Add("A", token => Unit("A", 2, token, step => { if (step == 2) release.Wait(token); }));
            Eventually(() => Produced("A") == 1, "A1 fetched");

            Assert.Equal(new[] { "start A", "A1" }, fanOut.Drain(maxPending: 1).Select(Describe));
            release.Set();
            Assert.Equal(new[] { "A2", "end A" }, fanOut.Drain(maxPending: 0).Select(Describe));
        }

        [Fact]
        public void Dispose_stops_every_unit_and_starts_no_new_step()
        {
            var fanOut = new OrderedFanOut<string, string>(2, 10, fetchAhead: true, CancellationToken.None);
            var blocked = new CountdownEvent(2);
            var cancelled = new CountdownEvent(2);
            foreach (var name in new[] { "A", "B" })
                fanOut.Add(name, token => Unit(name, 5, token, step =>
                {
                    if (step != 2) return;
                    blocked.Signal(); // a request in flight
                    token.WaitHandle.WaitOne();
                    cancelled.Signal();
                    token.ThrowIfCancellationRequested();
                }));
            Eventually(() => Produced("A") == 1 && Produced("B") == 1, "first results");
            // Takes A1 and comes back for more without waiting: both units go on to their blocking second step.
            Assert.Equal(new[] { "start A", "A1" }, fanOut.Drain(maxPending: 2).Select(Describe));

            Assert.True(blocked.Wait(Patience));

            fanOut.Dispose();

            Assert.True(cancelled.Wait(Patience));
            Settle();
            Assert.Equal(1, Produced("A"));
            Assert.Equal(1, Produced("B"));
        }

        [Fact]
        public void Cancelling_the_token_ends_a_waiting_Drain_at_once()
        {
            using var stop = new CancellationTokenSource();
            using var fanOut = new OrderedFanOut<string, string>(1, 10, fetchAhead: true, stop.Token);
            fanOut.Add("A", token => Unit("A", 1, token, _ => token.WaitHandle.WaitOne()));
            var draining = Task.Factory.StartNew(() => fanOut.Drain(0).ToList(), TaskCreationOptions.LongRunning); // a thread of its own, as a pipeline thread is
            Settle();

            var clock = Stopwatch.StartNew();
            stop.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => draining.GetAwaiter().GetResult());
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.ElapsedMilliseconds} ms");
        }
    }
}
