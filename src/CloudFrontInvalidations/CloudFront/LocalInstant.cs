using System;
using System.Globalization;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// How the module shows a CloudFront time (UTC on the wire) to its user: as a DateTimeOffset in the local zone,
    /// written as ISO 8601 with its offset. PowerShell compares a DateTimeOffset with any DateTime as an instant
    /// (a Utc DateTime as UTC, a Local or Unspecified one as local time), which is how -CreatedAfter reads its value,
    /// so `Where-Object CreateTime -ge (Get-Date).AddHours(-1)` selects what -CreatedAfter would.
    /// </summary>
    internal static class LocalInstant
    {
        /// <summary>ISO 8601 with milliseconds (CloudFront's precision) and the offset: 2026-11-20T05:15:30.123-05:00.</summary>
        internal const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

        /// <summary>The instant in the local zone; a DateTime that is not Utc is taken as already local.</summary>
        internal static DateTimeOffset From(DateTime time) =>
            new DateTimeOffset(time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime()).ToLocalTime();

        internal static string Format(DateTimeOffset time) => time.ToString(IsoFormat, CultureInfo.InvariantCulture);

        internal static string Format(DateTime time) => Format(From(time));
    }
}
