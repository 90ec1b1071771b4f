using System;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>-Month names a month that has not begun in UTC: nothing can have been billed. Raised before any request.</summary>
    public sealed class InvalidUsageMonthException : ArgumentException
    {
        internal InvalidUsageMonthException(string month, DateTime nowUtc)
            : base($"-Month names {month}, which has not begun: it is now {nowUtc:yyyy-MM-ddTHH:mm}Z, and billing months are UTC calendar months.")
        {
            Month = month;
        }

        /// <summary>'yyyy-MM'.</summary>
        public string Month { get; }
    }
}
