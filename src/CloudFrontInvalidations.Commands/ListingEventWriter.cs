using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Writes a listing's events (Get-CFInvalidationList): each item as its page arrives (a tenant's with the tenant
    /// views' type name), failures as errors, the progress records, verbose, debug and warning lines, and the total
    /// count under -IncludeTotalCount.
    /// </summary>
    internal sealed class ListingEventWriter
    {
        private readonly AwsSessionCmdlet _cmdlet;
        private readonly PagingParameters _paging;

        /// <param name="paging">The cmdlet's -Skip/-First/-IncludeTotalCount (SupportsPaging).</param>
        internal ListingEventWriter(AwsSessionCmdlet cmdlet, PagingParameters paging)
        {
            _cmdlet = cmdlet;
            _paging = paging;
        }

        internal void Write(ListingEvent listingEvent)
        {
            switch (listingEvent.Kind)
            {
                case ListingEventKind.Output:
                    _cmdlet.WriteObject(listingEvent.Owner!.IsTenant && listingEvent.Output is InvalidationSummary summary
                        ? OutputMembers.AsTenantView(summary)
                        : listingEvent.Output);
                    break;
                case ListingEventKind.Failed:
                    _cmdlet.WriteFailure(listingEvent.Failure!, ErrorMap.ToErrorRecord(listingEvent.Failure!, listingEvent.Activity!, listingEvent.Target));
                    break;
                case ListingEventKind.Progress: _cmdlet.WriteProgress(ProgressRecord(listingEvent.Progress!)); break;
                case ListingEventKind.Verbose: _cmdlet.WriteVerbose(listingEvent.Text); break;
                case ListingEventKind.Warning: _cmdlet.WriteWarning(listingEvent.Text); break;
                // -IncludeTotalCount: exact (accuracy 1) when every listing reached its last page or the end of its time
                // window; otherwise a lower bound with accuracy 0 ("Unknown total count"). Never an extra request.
                case ListingEventKind.Totals when _paging.IncludeTotalCount.IsPresent:
                    _cmdlet.WriteObject(_paging.NewTotalCount(listingEvent.Seen, listingEvent.IsSeenExact ? 1.0 : 0.0));
                    break;
            }
        }

        private static ProgressRecord ProgressRecord(ListingProgress progress) =>
            new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                ParentActivityId = progress.ParentActivityId,
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
    }
}
