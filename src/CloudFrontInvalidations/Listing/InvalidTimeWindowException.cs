using System;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>-CreatedAfter is not before -CreatedBefore: the window holds no instant. Raised before any request.</summary>
    public sealed class InvalidTimeWindowException : ArgumentException
    {
        internal InvalidTimeWindowException(DateTime afterUtc, DateTime beforeUtc)
            : base($"-CreatedAfter ({afterUtc:yyyy-MM-ddTHH:mm:ss.fffZ}) must be earlier than -CreatedBefore ({beforeUtc:yyyy-MM-ddTHH:mm:ss.fffZ}): " +
                   "the window [CreatedAfter, CreatedBefore) holds no instant.")
        {
            CreatedAfterUtc = afterUtc;
            CreatedBeforeUtc = beforeUtc;
        }

        public DateTime CreatedAfterUtc { get; }
        public DateTime CreatedBeforeUtc { get; }
    }
}
