using System;
using System.Threading;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>The time a wait measures and sleeps on; xunit scripts it.</summary>
    internal interface IWaitClock
    {
        /// <summary>Time since the wait began.</summary>
        TimeSpan Elapsed { get; }

        /// <summary>Sleeps; returns at once when the token is cancelled (then throws OperationCanceledException).</summary>
        void Delay(TimeSpan duration, CancellationToken cancellationToken);

        /// <summary>A token cancelled once <see cref="Elapsed"/> reaches <paramref name="elapsed"/>: the wait's deadline.</summary>
        CancellationTokenSource CancelAt(TimeSpan elapsed);
    }
}
