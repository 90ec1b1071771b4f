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
        private readonly List<(TimeSpan At, CancellationTokenSource Source)> _deadlines = new List<(TimeSpan, CancellationTokenSource)>();

        internal List<TimeSpan> Delays { get; } = new List<TimeSpan>();

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

        public void Delay(TimeSpan duration, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Delays.Add(duration);
            Advance(duration);
        }

        public CancellationTokenSource CancelAt(TimeSpan elapsed)
        {
            var source = new CancellationTokenSource();
            lock (_deadlines) _deadlines.Add((elapsed, source));
            if (Elapsed >= elapsed) source.Cancel();
            return source;
        }

        /// <summary>Time that passes during a request, cancelling the deadlines it reaches.</summary>
        internal void Advance(TimeSpan duration)
        {
            Interlocked.Add(ref _elapsedTicks, duration.Ticks);
            lock (_deadlines)
                foreach (var (at, source) in _deadlines)
                    if (Elapsed >= at && !source.IsCancellationRequested) source.Cancel();
        }
    }
}
