using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class AdaptiveConcurrencyLimitTests
    {
        private static List<long> EnterNow(AdaptiveConcurrencyLimit limit, int count) =>
            Enumerable.Range(0, count).Select(_ =>
            {
                var entered = limit.EnterAsync(CancellationToken.None);
                Assert.True(entered.IsCompleted, "admitted at once");
                return entered.Result;
            }).ToList();

        [Fact]
        public void Nothing_is_limited_until_the_service_throttles()
        {
            var limit = new AdaptiveConcurrencyLimit();
            EnterNow(limit, 100);
            Assert.Equal(100, limit.InFlight);
            Assert.Equal(int.MaxValue, limit.Limit);
        }

        [Fact]
        public async Task A_throttled_burst_halves_the_limit_once_and_waiters_start_in_order_as_slots_free()
        {
            var limit = new AdaptiveConcurrencyLimit();
            var generations = EnterNow(limit, 16);

            // Twelve of the sixteen are throttled: one burst, so one halving (16 in flight -> 8).
            foreach (var generation in generations.Take(12)) limit.Exit(generation, throttled: true);
            Assert.Equal(8, limit.Limit);
            Assert.Equal(4, limit.InFlight);

            var retries = Enumerable.Range(0, 12).Select(_ => limit.EnterAsync(CancellationToken.None)).ToList();
            Assert.Equal(4, retries.Count(r => r.IsCompleted));
            Assert.True(retries.Take(4).All(r => r.IsCompleted), "first come, first served");
            Assert.Equal(8, limit.InFlight);

            // A throttled answer from the new generation halves again (8 -> 4).
            limit.Exit(await retries[0], throttled: true);
            Assert.Equal(4, limit.Limit);
        }

        [Fact]
        public void A_limit_s_worth_of_answers_raises_it_by_one()
        {
            var limit = new AdaptiveConcurrencyLimit();
            var generations = EnterNow(limit, 4);
            limit.Exit(generations[0], throttled: true); // 4 in flight -> 2
            Assert.Equal(2, limit.Limit);
            limit.Exit(generations[1], throttled: false);
            Assert.Equal(2, limit.Limit);
            limit.Exit(generations[2], throttled: false);
            Assert.Equal(3, limit.Limit);
        }

        [Fact]
        public void The_limit_never_drops_below_one()
        {
            var limit = new AdaptiveConcurrencyLimit();
            for (var i = 0; i < 5; i++) limit.Exit(EnterNow(limit, 1)[0], throttled: true);
            Assert.Equal(1, limit.Limit);
        }

        [Fact]
        public async Task A_cancelled_waiter_leaves_the_queue_and_takes_no_slot()
        {
            var limit = new AdaptiveConcurrencyLimit();
            var generations = EnterNow(limit, 2);
            limit.Exit(generations[0], throttled: true); // limit 1, one in flight
            using var stopping = new CancellationTokenSource();
            var cancelled = limit.EnterAsync(stopping.Token);
            var next = limit.EnterAsync(CancellationToken.None);
            stopping.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

            limit.Exit(generations[1], throttled: false);
            await next.WaitAsync(TimeSpan.FromSeconds(5)); // admitted: its continuation runs on the thread pool
            Assert.Equal(1, limit.InFlight);
        }
    }
}
