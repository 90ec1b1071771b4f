using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Session;
using CloudFrontInvalidations.Usage;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Errors
{
    /// <summary>
    /// The one place that turns failures into ErrorRecords. Every ErrorId is listed in <see cref="Entries"/>,
    /// once, in the order they are tried. The help's one error table (docs/en-US/shared/Errors.md) has a row
    /// per entry; HelpErrorTableTests holds the two to the same words.
    /// </summary>
    internal static class ErrorMap
    {
        /// <summary>One failure path: how to recognise it and how to report it.</summary>
        public sealed class Entry
        {
            internal Entry(string errorId, ErrorCategory category, Type exceptionType, string cause,
                string recommendedAction, Func<Exception, bool>? when = null, bool stopsCommand = false, bool mayPass = false)
            {
                ErrorId = errorId;
                Category = category;
                ExceptionType = exceptionType;
                Cause = cause;
                RecommendedAction = recommendedAction;
                _when = when;
                StopsCommand = stopsCommand;
                MayPass = mayPass;
            }

            private readonly Func<Exception, bool>? _when;

            /// <summary>Stable, no spaces: the first part of the ErrorRecord's FullyQualifiedErrorId.</summary>
            public string ErrorId { get; }
            public ErrorCategory Category { get; }
            /// <summary>The type of ErrorRecord.Exception for this failure (or a type derived from it).</summary>
            public Type ExceptionType { get; }
            /// <summary>What went wrong, in a sentence a person reads in the help's error table.</summary>
            public string Cause { get; }
            public string RecommendedAction { get; }
            /// <summary>
            /// True when every input would fail the same way (no usable credentials): reported once as a
            /// terminating error instead of once per distribution.
            /// </summary>
            public bool StopsCommand { get; }
            /// <summary>
            /// True when the same request may well succeed a little later (throttling, server errors, timeouts):
            /// Wait-CFInvalidation polls again instead of giving the invalidation up.
            /// </summary>
            public bool MayPass { get; }

            internal bool Matches(Exception failure) =>
                ExceptionType.IsInstanceOfType(failure) && (_when == null || _when(failure));
        }

        private const string ResumeOrReport =
            "Resume with the -Marker the message gives (run again when it gives none); report the endpoint's behaviour if it persists.";

        public static IReadOnlyList<Entry> Entries { get; } = new[]
        {
            new Entry("CredentialsNotFound", ErrorCategory.AuthenticationError, typeof(CredentialsUnavailableException),
                "No AWS credentials were found: none given as parameters, none stored in the session by AWS.Tools, none in the environment or the shared config and credentials files, no instance/container role.",
                CredentialsUnavailableException.HowToProvide, stopsCommand: true),
            new Entry("ProfileNotFound", ErrorCategory.AuthenticationError, typeof(ProfileNotFoundException),
                "The named profile (-ProfileName or AWS_PROFILE) is in neither ~/.aws/credentials nor ~/.aws/config (nor -ProfileLocation).",
                "Check the name against the profiles in ~/.aws/credentials ([name]) and ~/.aws/config ([profile name]), or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to the files that hold it.",
                stopsCommand: true),
            new Entry("SignatureDoesNotMatch", ErrorCategory.AuthenticationError, typeof(CredentialsRejectedException),
                "CloudFront rejected the request's signature: the secret access key does not belong to the access key id (or the clock is far off).",
                "Check the secret access key paired with the access key id; " + CredentialsUnavailableException.HowToProvide,
                e => HasCode(e, "SignatureDoesNotMatch", "IncompleteSignature"), stopsCommand: true),
            new Entry("InvalidClientTokenId", ErrorCategory.AuthenticationError, typeof(CredentialsRejectedException),
                "CloudFront does not know the access key id (deleted, deactivated, or from another partition).",
                "Use an active access key; " + CredentialsUnavailableException.HowToProvide,
                e => HasCode(e, "InvalidClientTokenId", "UnrecognizedClientException"), stopsCommand: true),
            new Entry("ExpiredToken", ErrorCategory.AuthenticationError, typeof(CredentialsRejectedException),
                "The temporary credentials (session token) have expired, or the request was signed too long ago.",
                "Get new temporary credentials (sign in to SSO again, assume the role again) or update AWS_SESSION_TOKEN; " + CredentialsUnavailableException.HowToProvide,
                stopsCommand: true),
            new Entry("InvalidParameter", ErrorCategory.InvalidArgument, typeof(InvalidParameterException),
                "A common parameter or -Select has a value that cannot work (e.g. -AccessKey without -SecretKey, a -Credential that is not AWSCredentials).",
                "Correct the parameter named in the message.", stopsCommand: true),
            new Entry("InvalidTimeWindow", ErrorCategory.InvalidArgument, typeof(InvalidTimeWindowException),
                "-CreatedAfter is not earlier than -CreatedBefore: the time window holds no instant (checked before any request).",
                "Give a -CreatedAfter earlier than -CreatedBefore (both are instants: a Utc DateTime is UTC, any other is local time).",
                stopsCommand: true),
            new Entry("InvalidUsageMonth", ErrorCategory.InvalidArgument, typeof(InvalidUsageMonthException),
                "-Month names a month that has not begun in UTC (checked before any request).",
                "Give a date in the current month (in UTC) or an earlier one.",
                stopsCommand: true),
            new Entry("NoSuchDistribution", ErrorCategory.ObjectNotFound, typeof(NoSuchDistributionException),
                "No distribution with this id exists in the account the credentials belong to.",
                "Check the distribution id (Get-CFInvalidationList -DistributionId <Tab> completes the account's ids) and the account in use (-Verbose says where the credentials came from)."),
            new Entry("UnknownDistributionName", ErrorCategory.ObjectNotFound, typeof(UnknownDistributionNameException),
                "A domain name was given for a distribution, and no distribution of the account has it as an alternate domain name (CNAME) or as its *.cloudfront.net name.",
                "Check the name and the account in use (-Verbose says where the credentials came from), or give the distribution id (Tab after -DistributionId offers them)."),
            new Entry("AmbiguousDistributionName", ErrorCategory.InvalidArgument, typeof(AmbiguousDistributionNameException),
                "A domain name was given for a distribution, and several distributions of the account have it (the message lists their ids).",
                "Give the distribution id instead of the name."),
            new Entry("NoSuchInvalidation", ErrorCategory.ObjectNotFound, typeof(NoSuchInvalidationException),
                "The distribution (or distribution tenant) has no invalidation with this id.",
                "Check the invalidation id (Get-CFInvalidationList lists them) and that it belongs to this distribution or tenant."),
            new Entry("EntityNotFound", ErrorCategory.ObjectNotFound, typeof(EntityNotFoundException),
                "No distribution tenant with this id exists in the account the credentials belong to.",
                "Check the distribution tenant id (dt_ and letters and digits, case-sensitive) and the account in use (-Verbose says where the credentials came from)."),
            new Entry("AccessDenied", ErrorCategory.PermissionDenied, typeof(AccessDeniedException),
                "The identity in use may not call this operation (the message names it) on this distribution, distribution tenant or account.",
                "Grant the action to the identity in use (Get-Help about_CloudFrontInvalidations lists the minimal IAM policy of each command), or use another profile."),
            new Entry("CallerReferenceConflict", ErrorCategory.InvalidArgument, typeof(CallerReferenceConflictException),
                "New-CFInvalidation's -CallerReference was already used on this distribution for a batch with other paths; CloudFront created nothing.",
                "Give a new -CallerReference (or none: each batch then gets its own), or the same paths as the batch that first used it."),
            new Entry("InvalidArgument", ErrorCategory.InvalidArgument, typeof(InvalidArgumentException),
                "CloudFront rejected a parameter: a -Marker that is not an invalidation of this distribution, or an invalidation path (its message says which).",
                "Check -Marker and -MaxItem (the marker must be the Id of an invalidation of this distribution), or the paths given to New-CFInvalidation."),
            new Entry("BatchTooLarge", ErrorCategory.LimitsExceeded, typeof(CloudFrontServiceException),
                "CloudFront refused an invalidation batch as too large (HTTP 413); New-CFInvalidation sends at most 3,000 paths a batch, so something in between changed it.",
                "Check -EndpointUrl and any proxy in between; send fewer paths per call.", e => HasCode(e, "BatchTooLarge")),
            new Entry("InconsistentQuantities", ErrorCategory.ProtocolError, typeof(CloudFrontServiceException),
                "CloudFront found the batch's Paths.Quantity different from the number of paths it carried.",
                "Check -EndpointUrl and any proxy in between: New-CFInvalidation always sends the quantity of the paths it sends.",
                e => HasCode(e, "InconsistentQuantities")),
            new Entry("MissingBody", ErrorCategory.ProtocolError, typeof(CloudFrontServiceException),
                "CloudFront received a CreateInvalidation without its InvalidationBatch body.",
                "Check -EndpointUrl and any proxy in between: the body was lost on the way.", e => HasCode(e, "MissingBody")),
            new Entry("RedirectRefused", ErrorCategory.SecurityError, typeof(RedirectRefusedException),
                "The endpoint answered with a redirect (HTTP 301-308). CloudFront never redirects, and the signed request would carry its session token to the Location: no redirect is followed (the message names the status and the Location).",
                "Check -EndpointUrl (or AWS_ENDPOINT_URL_CLOUDFRONT) and any proxy in between; point -EndpointUrl at the API itself rather than at an address that forwards."),
            NonAwsErrorEntry("HttpForbidden", ErrorCategory.PermissionDenied, status => status == 401 || status == 403 || status == 407,
                "HTTP 401, 403 or 407 without an AWS error document: a proxy, firewall or WAF between here and CloudFront refused the request.",
                "Check the proxy (HTTPS_PROXY, its authentication) and -EndpointUrl; ask whoever runs the proxy or firewall to allow cloudfront.amazonaws.com."),
            NonAwsErrorEntry("HttpNotFound", ErrorCategory.ObjectNotFound, status => status == 404,
                "HTTP 404 without an AWS error document: the server at the endpoint does not serve the CloudFront API.",
                "Check -EndpointUrl (and AWS_ENDPOINT_URL_CLOUDFRONT): it must be the CloudFront API's base URL, without a path."),
            NonAwsErrorEntry("HttpTooManyRequests", ErrorCategory.LimitsExceeded, status => status == 429,
                "HTTP 429 without an AWS error document: a proxy or gateway in between limited the request rate, even after the SDK's retries.",
                "Wait and run again, run fewer listings at once, or ask whoever runs the proxy about its rate limit.", mayPass: true),
            NonAwsErrorEntry("HttpBadGateway", ErrorCategory.ConnectionError, status => status == 502 || status == 504,
                "HTTP 502 or 504 without an AWS error document: a proxy or gateway in between could not reach CloudFront (or timed out), even after the SDK's retries.",
                "Run again; if it persists, check the proxy (HTTPS_PROXY) and its connection to cloudfront.amazonaws.com.", mayPass: true),
            NonAwsErrorEntry("HttpServerError", ErrorCategory.ResourceUnavailable, status => status >= 500,
                "Another HTTP 5xx without an AWS error document: the server at the endpoint, or a proxy in between, failed, even after the SDK's retries.",
                "Run again later; check -EndpointUrl and any proxy in between.", mayPass: true),
            new Entry("HttpError", ErrorCategory.InvalidResult, typeof(NonAwsErrorResponseException),
                "Any other HTTP error status without an AWS error document (such as a JSON 400 from a gateway): the answer did not come from CloudFront.",
                "Check -EndpointUrl and any proxy in between: the status and Content-Type in the message say what answered."),
            new Entry("UnreadableResponse", ErrorCategory.InvalidResult, typeof(AmazonUnmarshallingException),
                "The response could not be read, even after the SDK's retries: not XML (cut short, or not from CloudFront), an element whose text is not a value of its type or that appears twice (the message names it), or a body far longer than the answer can be (reading stops at the limit).",
                "Check -EndpointUrl and any proxy in between; run again."),
            new Entry("ServiceUnavailable", ErrorCategory.ResourceUnavailable, typeof(AmazonServiceException),
                "CloudFront kept answering with a server error (HTTP 5xx) after the SDK's retries.",
                "Run again later; check the AWS Health Dashboard if it persists.",
                e => (int)((AmazonServiceException)e).StatusCode >= 500, mayPass: true),
            new Entry("IncompleteResponse", ErrorCategory.InvalidResult, typeof(IncompleteResponseException),
                "The response is XML but lacks its result element (InvalidationList, DistributionList, Invalidation), an item's Id or an invalidation's Status.",
                "Check -EndpointUrl points at CloudFront (or a faithful emulator); run again."),
            new Entry("InvalidIdInResponse", ErrorCategory.InvalidResult, typeof(InvalidIdInResponseException),
                "An id the service gave (a distribution in ListDistributions, an invalidation about to be got or waited for) is not an id of its kind, as one from the user would be refused (such as '..', or one with '/', '?', spaces or control characters): no request was made with it, and only that one is reported; the others are listed, counted or waited for. The message quotes it without control characters, cut to 128 characters.",
                "Check -EndpointUrl points at CloudFront (or a faithful emulator) and any proxy in between."),
            ListingViolationEntry(ListingViolation.RepeatedNextMarker,
                "The service sent a NextMarker already followed in this listing; following it would loop forever.",
                ResumeOrReport),
            ListingViolationEntry(ListingViolation.TruncatedWithoutNextMarker,
                "The service said the list is truncated but sent no NextMarker to continue from.",
                ResumeOrReport),
            new Entry("CloudFrontServiceError", ErrorCategory.NotSpecified, typeof(AmazonServiceException),
                "CloudFront answered with an error code not listed above.",
                "See the error code and AWS request id in the message; the CloudFront API reference explains each code."),
            new Entry("InvalidPath", ErrorCategory.InvalidArgument, typeof(InvalidPathException),
                "A path given to New-CFInvalidation would be refused or not invalidated as meant (no leading '/', a '~', too long, a cache tag with a space, comma or '*'); checked before any request, so nothing was sent.",
                "Correct the path named in the message: a path starts with '/' and a cache tag with '#'; spaces and non-ASCII characters may be given as they are (they are encoded)."),
            new Entry("TooManyInvalidationsInProgress", ErrorCategory.LimitsExceeded, typeof(InvalidationCapacityTimeoutException),
                "New-CFInvalidation's -TimeoutSec passed while CloudFront still refused the batch: too many invalidations in progress on the distribution (3,000 file paths and 15 wildcard paths may be). The message and UnsentPaths say what was not sent.",
                "Wait for the distribution's invalidations to complete (Wait-CFInvalidation -DistributionId), then send UnsentPaths again; or allow more time with -TimeoutSec, or use fewer wildcards."),
            new Entry("WaitTimedOut", ErrorCategory.OperationTimeout, typeof(WaitTimeoutException),
                "Wait-CFInvalidation's (or New-CFInvalidation -Wait's) -TimeoutSec passed with this invalidation still in progress (TargetObject is its last answer).",
                "Wait longer (-TimeoutSec), or run Wait-CFInvalidation again on the same input: completed invalidations cost one request each."),
            new Entry("RequestTimeout", ErrorCategory.OperationTimeout, typeof(Exception),
                "No complete answer (status, headers and the whole body) arrived within the request timeout, even after the SDK's retries: -TimeoutSec, or 60 s per attempt when it is not given.",
                "Run again, or allow more time with -TimeoutSec; check the network and proxy.",
                e => e is TimeoutException || e is OperationCanceledException, mayPass: true),
            new Entry("ConnectionFailed", ErrorCategory.ConnectionError, typeof(Exception),
                "The endpoint could not be reached, or the connection broke, even after the SDK's retries (DNS, refused, reset, TLS handshake; an https URL for an endpoint that speaks plain HTTP fails here).",
                "Check the network, proxy (HTTPS_PROXY) and -EndpointUrl.",
                e => e is HttpRequestException || e is IOException || e is WebException, mayPass: true),
            new Entry("UnexpectedFailure", ErrorCategory.NotSpecified, typeof(Exception),
                "Any other failure.",
                "Run again with -Verbose; if it persists, report it with the message and $Error[0].Exception."),
        };

        /// <summary>The ErrorRecord for a failure of one distribution's listing.</summary>
        public static ErrorRecord ToErrorRecord(Exception failure, string? distributionId) =>
            ToErrorRecord(failure, distributionId == null ? ListingEngine.Activity : $"{ListingEngine.Activity} of distribution '{distributionId}'", distributionId);

        /// <summary>The ErrorRecord for a failure of one unit of work.</summary>
        /// <param name="activity">What failed, as the message begins: "Getting invalidation I1 of distribution 'E1'".</param>
        /// <param name="target">The record's TargetObject: the input that failed (null before any input).</param>
        internal static ErrorRecord ToErrorRecord(Exception failure, string activity, object? target)
        {
            var cause = CauseOf(failure);
            var entry = Find(cause);

            var message = $"{activity} failed: {Reason(cause)}";
            if (cause is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode))
                message += $" ({service.ErrorCode}, HTTP {(int)service.StatusCode})";
            if (cause is AmazonServiceException { RequestId: { Length: > 0 } requestId })
                message += $" AWS request id: {requestId}.";
            if (entry.ErrorId == "NoSuchDistribution" && LowerCaseDistributionId(activity) is { } lowerCase)
                message += $" Distribution ids are upper case: try '{lowerCase.ToUpperInvariant()}'.";
            if (failure is IPartialListing { ItemsDelivered: > 0 } partial)
            {
                message += $" {partial.ItemsDelivered} invalidations were written before the failure; " + (partial.ResumeMarker == null
                    ? $"no -Marker resumes a listing of {partial.Target}: to list the rest, run the command again."
                    : $"to list the rest, run again with -Marker '{partial.ResumeMarker}' -NoAutoIteration:$false.");
                // Also reachable from scripts, since the record's Exception is the cause itself.
                cause.Data["ItemsWritten"] = partial.ItemsDelivered;
                if (partial.ResumeMarker != null) cause.Data["ResumeMarker"] = partial.ResumeMarker;
            }

            if (failure is UnknownCreateOutcomeException unknown)
            {
                message += " " + unknown.Advice;
                cause.Data["CallerReference"] = unknown.CallerReference;
                cause.Data["Paths"] = unknown.Paths.ToArray();
            }

            // A target that is the id outside its rule, as a server sent it, is named as the message quotes it.
            if (cause is InvalidIdInResponseException invalid && target is string sent && sent == invalid.SentId) target = invalid.Id;
            return new ErrorRecord(cause, entry.ErrorId, entry.Category, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = entry.RecommendedAction },
            };
        }

        // The SDK's own message for an unreadable body buries the reason among its request id and status; .NET's for a
        // failed TLS handshake says only "see inner exception".
        private static string Reason(Exception cause) => cause switch
        {
            AmazonUnmarshallingException unreadable => ResponseDescriptions.Unreadable(unreadable),
            HttpRequestException { InnerException: AuthenticationException handshake } => TlsFailure(handshake),
            _ => cause.Message,
        };

        private static string TlsFailure(AuthenticationException handshake) =>
            handshake.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0
                ? $"the TLS connection could not be established: the endpoint's certificate is not trusted ({handshake.Message})"
                : $"the TLS connection could not be established ({handshake.Message}). An endpoint that speaks plain HTTP needs an http:// URL, not https://.";

        // Activities name their distribution as InvalidationOwner does ("of distribution 'E1'"); a tenant's reads
        // "distribution tenant '...'" and does not match.
        private static readonly Regex DistributionInActivity = new Regex(@"\bdistribution '([^']+)'", RegexOptions.CultureInvariant);

        /// <summary>The distribution id named in <paramref name="activity"/> when it has lower-case letters (CloudFront's ids have none).</summary>
        private static string? LowerCaseDistributionId(string activity)
        {
            var match = DistributionInActivity.Match(activity);
            return match.Success && match.Groups[1].Value.Any(char.IsLower) ? match.Groups[1].Value : null;
        }

        /// <summary>Whether the same request may well succeed a little later (see <see cref="Entry.MayPass"/>).</summary>
        public static bool MayPass(Exception failure) => Find(CauseOf(failure)).MayPass;

        /// <summary>Whether this failure is reported once for the whole command (see <see cref="Entry.StopsCommand"/>).</summary>
        public static bool StopsCommand(Exception failure) => Find(CauseOf(failure)).StopsCommand;

        // An interrupted listing, or a create whose outcome is unknown, is reported as its cause, typed, with the facts to go on added.
        private static Exception CauseOf(Exception failure) =>
            (failure is ListingInterruptedException || failure is UnknownCreateOutcomeException) && failure.InnerException != null ? failure.InnerException : failure;

        // A paging guard: the ErrorId is the violation's name.
        private static Entry ListingViolationEntry(ListingViolation violation, string cause, string recommendedAction) =>
            new Entry(violation.ToString(), ErrorCategory.InvalidResult, typeof(InvalidListingException), cause,
                recommendedAction, e => ((InvalidListingException)e).Violation == violation);

        // An error answer that is not an AWS error document: the category follows the HTTP status.
        private static Entry NonAwsErrorEntry(string errorId, ErrorCategory category, Func<int, bool> status, string cause,
            string recommendedAction, bool mayPass = false) =>
            new Entry(errorId, category, typeof(NonAwsErrorResponseException), cause, recommendedAction,
                e => status((int)((NonAwsErrorResponseException)e).StatusCode), mayPass: mayPass);

        private static bool HasCode(Exception failure, params string[] codes) =>
            failure is AmazonServiceException service && Array.IndexOf(codes, service.ErrorCode) >= 0;

        private static Entry Find(Exception cause)
        {
            foreach (var entry in Entries)
                if (entry.Matches(cause)) return entry;
            throw new InvalidOperationException("The last entry matches every exception.");
        }
    }
}
