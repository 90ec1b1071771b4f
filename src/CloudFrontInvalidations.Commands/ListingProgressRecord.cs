using System.Management.Automation;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>A listing's progress as PowerShell shows it.</summary>
    internal static class ListingProgressRecord
    {
        internal static ProgressRecord From(ListingProgress progress) =>
            new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                ParentActivityId = progress.ParentActivityId,
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
    }
}
