using System;

namespace CloudFrontInvalidations.Session
{
    /// <summary>Where and how to call: the resolved region, the endpoint override, the timeout.</summary>
    internal sealed record ClientSettings
    {
        public string? Region { get; init; }
        public string? EndpointUrl { get; init; }
        /// <summary>Per HTTP attempt, from sending to the last byte of the body; null: CloudFrontConfig.DefaultAttemptTimeout.</summary>
        public TimeSpan? Timeout { get; init; }
    }
}
