using System;
using System.Diagnostics;
using System.Threading;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>The real clock: a monotonic stopwatch, and a sleep that Ctrl+C ends at once.</summary>
    internal sealed class StopwatchWaitClock : IWaitClock
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        public TimeSpan Elapsed => _stopwatch.Elapsed;

        public void Delay(TimeSpan duration, CancellationToken cancellationToken)
        {
            if (duration > TimeSpan.Zero) cancellationToken.WaitHandle.WaitOne(duration);
            cancellationToken.ThrowIfCancellationRequested();
        }

        public CancellationTokenSource CancelAt(TimeSpan elapsed)
        {
            var left = elapsed - Elapsed;
            var deadline = new CancellationTokenSource();
            if (left <= TimeSpan.Zero) deadline.Cancel();
            else deadline.CancelAfter(left);
            return deadline;
        }
    }
}
