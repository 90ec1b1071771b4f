using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Getting
{
    /// <summary>One input's outcome: its invalidation, or the failure that stopped the get (exactly one is set).</summary>
    internal sealed record GetEvent(InvalidationTarget Target, Invalidation? Invalidation, Exception? Failure);
}
