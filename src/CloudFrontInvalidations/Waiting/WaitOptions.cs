using System;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>How long and how often a wait polls, and how many polls run at once.</summary>
    /// <param name="Timeout">For the whole wait, from its start.</param>
    internal sealed record WaitOptions(TimeSpan PollInterval, TimeSpan Timeout, int ThrottleLimit);
}
