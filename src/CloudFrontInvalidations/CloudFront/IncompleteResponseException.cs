using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// A successful answer that parsed as XML but lacks what it must hold: its result element (InvalidationList,
    /// DistributionList, Invalidation), an item's Id, or an invalidation's Status. Nothing in it can be trusted
    /// as the service's answer, so nothing of it is written.
    /// </summary>
    public sealed class IncompleteResponseException : Exception
    {
        public IncompleteResponseException(string message)
            : base(message)
        {
        }
    }
}
