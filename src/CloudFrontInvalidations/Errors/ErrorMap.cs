using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Errors
{
    /// <summary>
    /// The one place that turns failures into ErrorRecords. Every ErrorId is listed here, once, in the
    /// order they are tried; the help's error table mirrors this list.
    /// </summary>
    public static class ErrorMap
    {
        /// <summary>One failure path: how to recognise it and how to report it.</summary>
        public sealed class Entry
        {
            internal Entry(string errorId, ErrorCategory category, Func<Exception, bool> matches, string recommendedAction)
            {
                ErrorId = errorId;
                Category = category;
                Matches = matches;
                RecommendedAction = recommendedAction;
            }

            public string ErrorId { get; }
            public ErrorCategory Category { get; }
            internal Func<Exception, bool> Matches { get; }
            public string RecommendedAction { get; }
        }

        public static IReadOnlyList<Entry> Entries { get; } = new[]
        {
            new Entry("NoSuchDistribution", ErrorCategory.ObjectNotFound, e => e is NoSuchDistributionException,
                "Check the distribution id (Get-CFDistributionList, or aws cloudfront list-distributions) and the account you are signed in to."),
            new Entry("AccessDenied", ErrorCategory.PermissionDenied, e => e is AccessDeniedException,
                "Grant cloudfront:ListInvalidations on this distribution to the identity in use, or use another profile."),
            new Entry("InvalidArgument", ErrorCategory.InvalidArgument, e => e is InvalidArgumentException,
                "Check -Marker and -MaxItem: the marker must be the Id of an invalidation of this distribution."),
            new Entry("InvalidListingResponse", ErrorCategory.InvalidResult, e => e is InvalidListingException,
                "The endpoint broke the paging contract; resume with -Marker, or report the endpoint's behaviour."),
            new Entry("InvalidParameter", ErrorCategory.InvalidArgument, e => e is InvalidParameterException,
                "Correct the parameter named in the message; see Get-Help Get-CFInvalidationList -Parameter <name>."),
            new Entry("ProfileNotFound", ErrorCategory.ObjectNotFound, e => e is ProfileNotFoundException,
                "Check the profile name and -ProfileLocation / AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE ('aws configure list-profiles' lists them)."),
            new Entry("CredentialsUnavailable", ErrorCategory.AuthenticationError, e => e is CredentialsUnavailableException,
                CredentialResolver.HowToConfigure),
            new Entry("CloudFrontServiceError", ErrorCategory.NotSpecified, e => e is AmazonServiceException,
                "See the error code and AWS request id in the message."),
            new Entry("ConnectionFailed", ErrorCategory.ConnectionError, e => e is HttpRequestException,
                "Check the network, proxy and -EndpointUrl."),
            new Entry("UnexpectedFailure", ErrorCategory.NotSpecified, e => true,
                "Run again with -Verbose; if it persists, report it with the message above."),
        };

        /// <summary>The ErrorRecord for a failure of one distribution's listing.</summary>
        public static ErrorRecord ToErrorRecord(Exception failure, string distributionId)
        {
            var partial = failure as IPartialListing;
            var cause = failure is ListingInterruptedException && failure.InnerException != null
                ? failure.InnerException
                : failure;
            var entry = Find(cause);

            var message = $"Listing invalidations of distribution '{distributionId}' failed: {cause.Message}";
            if (cause is AmazonServiceException service && !string.IsNullOrEmpty(service.RequestId))
                message += $" (AWS request id {service.RequestId})";
            if (partial != null && partial.ItemsDelivered > 0)
                message += $" {partial.ItemsDelivered} invalidations were written before the failure; to resume the listing, run again with -Marker '{partial.ResumeMarker}' -NoAutoIteration:$false.";

            return new ErrorRecord(cause, entry.ErrorId, entry.Category, distributionId)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = entry.RecommendedAction },
            };
        }

        /// <summary>The ErrorRecord for a failure to set up the session (parameters, credentials), before any listing.</summary>
        public static ErrorRecord ToSessionErrorRecord(Exception failure)
        {
            var entry = Find(failure);
            var target = failure is InvalidParameterException invalid ? invalid.ParameterName : null;
            return new ErrorRecord(failure, entry.ErrorId, entry.Category, target)
            {
                ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = entry.RecommendedAction },
            };
        }

        private static Entry Find(Exception cause)
        {
            foreach (var entry in Entries)
                if (entry.Matches(cause)) return entry;
            throw new InvalidOperationException("The last entry matches every exception.");
        }
    }
}
