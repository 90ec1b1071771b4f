using System;
using System.Globalization;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// The members CloudFrontInvalidations.types.ps1xml adds to what the cmdlets write. CreateTime is a UTC DateTime
    /// in the engine; to PowerShell it is a DateTimeOffset in the local zone (see <see cref="LocalInstant"/>), whose
    /// text, wherever PowerShell turns it into a string (Export-Csv, ConvertTo-Csv, Format-Table, Format-List), is ISO 8601
    /// with the offset rather than the culture's offset-less date.
    /// </summary>
    public static class OutputMembers
    {
        /// <summary>The type name that gives a time its ISO 8601 ToString (CloudFrontInvalidations.types.ps1xml).</summary>
        public const string InstantTypeName = "CloudFrontInvalidations.Instant";

        /// <summary>
        /// An object of a distribution tenant as PowerShell shows it: its type name with "#DistributionTenant" first, which
        /// the format file's tenant views select (a DistributionTenantId column instead of DistributionId).
        /// </summary>
        internal static PSObject AsTenantView(object item)
        {
            var view = new PSObject(item);
            view.TypeNames.Insert(0, item.GetType().FullName + "#DistributionTenant");
            return view;
        }

        /// <summary>The CreateTime CodeProperty: null when the response had none.</summary>
        public static object? CreateTime(PSObject instance)
        {
            DateTime? utc = instance.BaseObject switch
            {
                InvalidationSummary summary => summary.CreateTime,
                Invalidation invalidation => invalidation.CreateTime,
                _ => null,
            };
            if (utc is not DateTime time) return null;
            var instant = new PSObject(LocalInstant.From(time));
            instant.TypeNames.Insert(0, InstantTypeName);
            return instant;
        }

        /// <summary>
        /// The ToString CodeMethod of a time: ISO 8601 without arguments; with a format (and a culture) what
        /// DateTimeOffset.ToString gives, so `.CreateTime.ToString('yyyy-MM-dd HH:mm')` works as on any time.
        /// </summary>
        public static string ToString(PSObject instance, string? format = null, IFormatProvider? formatProvider = null)
        {
            var time = (DateTimeOffset)instance.BaseObject;
            return format == null ? LocalInstant.Format(time) : time.ToString(format, formatProvider ?? CultureInfo.CurrentCulture);
        }
    }
}
