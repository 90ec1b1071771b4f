using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>-CreatedAfter is not before -CreatedBefore: the window holds no instant. Raised before any request; the
    /// message shows both in the local zone, as the user gave them.</summary>
    public sealed class InvalidTimeWindowException : ArgumentException
    {
        internal InvalidTimeWindowException(DateTime afterUtc, DateTime beforeUtc)
            : base($"-CreatedAfter ({LocalInstant.Format(afterUtc)}) must be earlier than -CreatedBefore ({LocalInstant.Format(beforeUtc)}): " +
                   "the window [CreatedAfter, CreatedBefore) holds no instant.")
        {
            CreatedAfterUtc = afterUtc;
            CreatedBeforeUtc = beforeUtc;
        }

        public DateTime CreatedAfterUtc { get; }
        public DateTime CreatedBeforeUtc { get; }
    }
}
