using System;
using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>A clock that moves only when slept on: each Delay is recorded and advances Elapsed by its length.</summary>
    internal sealed class ScriptedClock : IWaitClock
    {
        private long _elapsedTicks;

        internal List<TimeSpan> Delays { get; } = new List<TimeSpan>();

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

        public void Delay(TimeSpan duration, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Delays.Add(duration);
            Interlocked.Add(ref _elapsedTicks, duration.Ticks);
        }

        /// <summary>Time that passes during a request.</summary>
        internal void Advance(TimeSpan duration) => Interlocked.Add(ref _elapsedTicks, duration.Ticks);
    }
}
