using System;
using System.Globalization;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>
    /// A billing month: a UTC calendar month, [first instant, first instant of the next month). CloudFront bills
    /// invalidation paths per UTC month, so the window is UTC whatever the user's time zone.
    /// </summary>
    internal sealed class UsageMonth
    {
        private UsageMonth(int year, int month)
        {
            StartUtc = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
            EndUtc = StartUtc.AddMonths(1);
            Window = CreationWindow.From(StartUtc, EndUtc)!;
        }

        /// <summary>Inclusive.</summary>
        internal DateTime StartUtc { get; }
        /// <summary>Exclusive: the next month's first instant.</summary>
        internal DateTime EndUtc { get; }
        /// <summary>The month as the listing's time window: early stop at its start, nothing newer than its end.</summary>
        internal CreationWindow Window { get; }

        /// <summary>'yyyy-MM', as the output's Month reads.</summary>
        internal string Name => StartUtc.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        public override string ToString() => Name;

        /// <summary>
        /// -Month: the month any date in it names; without a date, the UTC month now, the one being billed. A date
        /// of Kind Local or Utc (Get-Date, a time with its offset) is an instant: its UTC month, so just after local
        /// midnight on the 1st east of UTC it still names the UTC month that has begun. A date of Kind Unspecified
        /// ('2026-11', '2026-11-30') is a calendar date: its year and month as written.
        /// </summary>
        /// <exception cref="InvalidUsageMonthException">The month has not begun (in UTC) yet.</exception>
        internal static UsageMonth From(DateTime? anyDateInMonth, DateTime nowUtc)
        {
            var month = anyDateInMonth is DateTime date
                ? date.Kind == DateTimeKind.Unspecified ? new UsageMonth(date.Year, date.Month) : Containing(date.ToUniversalTime())
                : Containing(nowUtc);
            if (month.StartUtc > nowUtc) throw new InvalidUsageMonthException(month.Name, nowUtc);
            return month;
        }

        private static UsageMonth Containing(DateTime utc) => new UsageMonth(utc.Year, utc.Month);

        /// <summary>
        /// Older than the history ListInvalidations returns: "Invalidation history is available for the current and
        /// previous billing cycles" (CloudFront API Reference, ListInvalidation, API version 2013-05-12; the AWS SDK
        /// for .NET v1 reference of GetInvalidationList says "for the current and previous billing period"). Later
        /// references say nothing either way, so a month before the previous one may be undercounted.
        /// </summary>
        internal bool IsBeyondHistory(DateTime nowUtc) => StartUtc < Containing(nowUtc).StartUtc.AddMonths(-1);
    }
}
