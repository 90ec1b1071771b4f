using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Session;
using CloudFrontInvalidations.Usage;
using CloudFrontInvalidations.Waiting;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class ErrorMapTests
    {
        private static CloudFrontServiceException ServiceError(string code, HttpStatusCode status) =>
            CloudFrontServiceException.FromErrorResponse(new ErrorResponse
            {
                Code = code, Message = $"{code} happened", RequestId = "req-123", StatusCode = status, Type = ErrorType.Sender,
            });

        private static NonAwsErrorResponseException NonAwsError(HttpStatusCode status) =>
            new NonAwsErrorResponseException(status, "text/html", emptyBody: false, requestId: null, innerException: null);

        // What .NET throws when the TLS handshake fails (the SDK passes it on as is).
        private static HttpRequestException TlsFailure(string handshakeMessage) =>
            new HttpRequestException("The SSL connection could not be established, see inner exception.", new AuthenticationException(handshakeMessage));

        /// <summary>One representative failure per ErrorId, with the id and category it must map to.</summary>
        public static IEnumerable<object[]> Failures() => new[]
        {
            new object[] { new CredentialsUnavailableException("none"), "CredentialsNotFound", ErrorCategory.AuthenticationError, true },
            new object[] { new ProfileNotFoundException("Unable to find the \"nope\" profile."), "ProfileNotFound", ErrorCategory.AuthenticationError, true },
            new object[] { new InvalidParameterException("Select", "bad"), "InvalidParameter", ErrorCategory.InvalidArgument, true },
            new object[] { new InvalidTimeWindowException(DateTime.UtcNow, DateTime.UtcNow), "InvalidTimeWindow", ErrorCategory.InvalidArgument, true },
            new object[] { Assert.Throws<InvalidUsageMonthException>(() => UsageMonth.From(DateTime.UtcNow.AddMonths(2), DateTime.UtcNow)), "InvalidUsageMonth", ErrorCategory.InvalidArgument, true },
            new object[] { ServiceError("SignatureDoesNotMatch", HttpStatusCode.Forbidden), "SignatureDoesNotMatch", ErrorCategory.AuthenticationError, true },
            new object[] { ServiceError("InvalidClientTokenId", HttpStatusCode.Forbidden), "InvalidClientTokenId", ErrorCategory.AuthenticationError, true },
            new object[] { ServiceError("ExpiredToken", HttpStatusCode.BadRequest), "ExpiredToken", ErrorCategory.AuthenticationError, true },
            new object[] { ServiceError("NoSuchDistribution", HttpStatusCode.NotFound), "NoSuchDistribution", ErrorCategory.ObjectNotFound, false },
            new object[] { new UnknownDistributionNameException("www.example.com", 3), "UnknownDistributionName", ErrorCategory.ObjectNotFound, false },
            new object[] { new AmbiguousDistributionNameException("www.example.com", new[] { "E1", "E2" }), "AmbiguousDistributionName", ErrorCategory.InvalidArgument, false },
            new object[] { ServiceError("NoSuchInvalidation", HttpStatusCode.NotFound), "NoSuchInvalidation", ErrorCategory.ObjectNotFound, false },
            new object[] { ServiceError("EntityNotFound", HttpStatusCode.NotFound), "EntityNotFound", ErrorCategory.ObjectNotFound, false },
            new object[] { ServiceError("AccessDenied", HttpStatusCode.Forbidden), "AccessDenied", ErrorCategory.PermissionDenied, false },
            new object[] { ServiceError("InvalidArgument", HttpStatusCode.BadRequest), "InvalidArgument", ErrorCategory.InvalidArgument, false },
            new object[] { new RedirectRefusedException(HttpStatusCode.Redirect, "https://elsewhere.example/", "req-7"), "RedirectRefused", ErrorCategory.SecurityError, false },
            new object[] { new RedirectRefusedException((HttpStatusCode)308, null, null), "RedirectRefused", ErrorCategory.SecurityError, false },
            new object[] { NonAwsError(HttpStatusCode.Forbidden), "HttpForbidden", ErrorCategory.PermissionDenied, false },
            new object[] { NonAwsError(HttpStatusCode.ProxyAuthenticationRequired), "HttpForbidden", ErrorCategory.PermissionDenied, false },
            new object[] { NonAwsError(HttpStatusCode.NotFound), "HttpNotFound", ErrorCategory.ObjectNotFound, false },
            new object[] { NonAwsError((HttpStatusCode)429), "HttpTooManyRequests", ErrorCategory.LimitsExceeded, false },
            new object[] { NonAwsError(HttpStatusCode.BadGateway), "HttpBadGateway", ErrorCategory.ConnectionError, false },
            new object[] { NonAwsError(HttpStatusCode.GatewayTimeout), "HttpBadGateway", ErrorCategory.ConnectionError, false },
            new object[] { NonAwsError(HttpStatusCode.ServiceUnavailable), "HttpServerError", ErrorCategory.ResourceUnavailable, false },
            new object[] { NonAwsError(HttpStatusCode.InternalServerError), "HttpServerError", ErrorCategory.ResourceUnavailable, false },
            new object[] { NonAwsError(HttpStatusCode.BadRequest), "HttpError", ErrorCategory.InvalidResult, false },
            new object[] { ServiceError("ServiceUnavailable", HttpStatusCode.ServiceUnavailable), "ServiceUnavailable", ErrorCategory.ResourceUnavailable, false },
            new object[] { ServiceError("InternalError", HttpStatusCode.InternalServerError), "ServiceUnavailable", ErrorCategory.ResourceUnavailable, false },
            new object[] { new AmazonUnmarshallingException("req-9", "/InvalidationList", new System.Xml.XmlException("eof"), HttpStatusCode.OK), "UnreadableResponse", ErrorCategory.InvalidResult, false },
            new object[] { new IncompleteResponseException("no list"), "IncompleteResponse", ErrorCategory.InvalidResult, false },
            new object[] { IdRule.Distribution.Refuse("..", "ListDistributions")!, "InvalidIdInResponse", ErrorCategory.InvalidResult, false },
            new object[] { new ResponseTooLargeException("req-9", "ErrorResponse", 65536, HttpStatusCode.InternalServerError), "UnreadableResponse", ErrorCategory.InvalidResult, false },
            new object[] { new InvalidListingException(ListingViolation.RepeatedNextMarker, "E1", "M", 3, "loop"), "RepeatedNextMarker", ErrorCategory.InvalidResult, false },
            new object[] { new InvalidListingException(ListingViolation.TruncatedWithoutNextMarker, "E1", "M", 3, "stuck"), "TruncatedWithoutNextMarker", ErrorCategory.InvalidResult, false },
            new object[] { ServiceError("PreconditionFailed", HttpStatusCode.PreconditionFailed), "CloudFrontServiceError", ErrorCategory.NotSpecified, false },
            new object[] { new InvalidPathException("index.html", "does not start with '/'."), "InvalidPath", ErrorCategory.InvalidArgument, false },
            new object[] { new CallerReferenceConflictException(InvalidationOwner.Distribution("E1"), "ref-1",
                (InvalidArgumentException)ServiceError("InvalidArgument", HttpStatusCode.BadRequest)), "CallerReferenceConflict", ErrorCategory.InvalidArgument, false },
            new object[] { new InvalidationCapacityTimeoutException(InvalidationOwner.Distribution("E1"), new[] { "/a" }, TimeSpan.FromSeconds(60),
                ServiceError("TooManyInvalidationsInProgress", HttpStatusCode.BadRequest)), "TooManyInvalidationsInProgress", ErrorCategory.LimitsExceeded, false },
            new object[] { ServiceError("BatchTooLarge", (HttpStatusCode)413), "BatchTooLarge", ErrorCategory.LimitsExceeded, false },
            new object[] { ServiceError("InconsistentQuantities", HttpStatusCode.BadRequest), "InconsistentQuantities", ErrorCategory.ProtocolError, false },
            new object[] { ServiceError("MissingBody", HttpStatusCode.BadRequest), "MissingBody", ErrorCategory.ProtocolError, false },
            new object[] { new WaitTimeoutException("I1", "InProgress", TimeSpan.FromSeconds(60)), "WaitTimedOut", ErrorCategory.OperationTimeout, false },
            new object[] { new TimeoutException("The operation was canceled.", new TaskCanceledException()), "RequestTimeout", ErrorCategory.OperationTimeout, false },
            new object[] { new TaskCanceledException("timed out"), "RequestTimeout", ErrorCategory.OperationTimeout, false },
            new object[] { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), "ConnectionFailed", ErrorCategory.ConnectionError, false },
            new object[] { new HttpRequestException("Name or service not known", new SocketException((int)SocketError.HostNotFound)), "ConnectionFailed", ErrorCategory.ConnectionError, false },
            new object[] { new IOException("connection reset"), "ConnectionFailed", ErrorCategory.ConnectionError, false },
            new object[] { TlsFailure("Cannot determine the frame size or a corrupted frame was received."), "ConnectionFailed", ErrorCategory.ConnectionError, false },
            new object[] { CredentialsUnavailableException.FromSdk(new AmazonClientException("Failed to resolve AWS credentials")), "CredentialsNotFound", ErrorCategory.AuthenticationError, true },
            new object[] { new InvalidCastException("odd"), "UnexpectedFailure", ErrorCategory.NotSpecified, false },
        };

        [Theory]
        [MemberData(nameof(Failures))]
        public void Each_failure_maps_to_its_id_and_category_and_keeps_the_exception(
            Exception failure, string errorId, ErrorCategory category, bool stopsCommand)
        {
            var record = ErrorMap.ToErrorRecord(failure, "E1ABC");

            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Same(failure, record.Exception);
            Assert.Equal("E1ABC", record.TargetObject);
            Assert.Equal(stopsCommand, ErrorMap.StopsCommand(failure));
            var entry = ErrorMap.Entries.Single(e => e.ErrorId == errorId);
            Assert.IsAssignableFrom(entry.ExceptionType, failure);
            Assert.Equal(entry.RecommendedAction, record.ErrorDetails.RecommendedAction);
            Assert.StartsWith("Listing invalidations of distribution 'E1ABC' failed: ", record.ErrorDetails.Message);
        }

        [Fact]
        public void Only_gateway_refusals_server_errors_timeouts_and_broken_connections_may_pass_so_a_waiter_polls_again()
        {
            var mayPass = Failures().Where(f => ErrorMap.MayPass((Exception)f[0])).Select(f => (string)f[1]).Distinct();

            Assert.Equal(new[] { "HttpTooManyRequests", "HttpBadGateway", "HttpServerError", "ServiceUnavailable",
                "RequestTimeout", "ConnectionFailed" }, mayPass);
        }

        [Fact]
        public void Every_entry_is_exercised_by_a_representative_failure()
        {
            var covered = Failures().Select(f => (string)f[1]).ToHashSet();
            Assert.All(ErrorMap.Entries, entry => Assert.Contains(entry.ErrorId, covered));
        }

        [Fact]
        public void Service_errors_give_code_status_and_request_id_in_the_message()
        {
            var record = ErrorMap.ToErrorRecord(ServiceError("NoSuchDistribution", HttpStatusCode.NotFound), "E1ABC");

            Assert.Equal("Listing invalidations of distribution 'E1ABC' failed: NoSuchDistribution happened (NoSuchDistribution, HTTP 404) AWS request id: req-123.",
                record.ErrorDetails.Message);
        }

        [Fact]
        public void Rejected_and_missing_credentials_say_how_to_provide_them()
        {
            foreach (var errorId in new[] { "CredentialsNotFound", "SignatureDoesNotMatch", "InvalidClientTokenId", "ExpiredToken" })
                Assert.Contains("AWS_ACCESS_KEY_ID", ErrorMap.Entries.Single(e => e.ErrorId == errorId).RecommendedAction);
        }

        [Fact]
        public void Interrupted_listing_reports_the_cause_with_count_and_resume_marker()
        {
            var cause = ServiceError("AccessDenied", HttpStatusCode.Forbidden);
            var record = ErrorMap.ToErrorRecord(new ListingInterruptedException("E1ABC", "IMARK", 250, cause), "E1ABC");

            Assert.Equal("AccessDenied", record.FullyQualifiedErrorId);
            Assert.Same(cause, record.Exception);
            Assert.Contains("250 invalidations were written", record.ErrorDetails.Message);
            Assert.Contains("-Marker 'IMARK' -NoAutoIteration:$false", record.ErrorDetails.Message);
            Assert.Equal(250, cause.Data["ItemsWritten"]);
            Assert.Equal("IMARK", cause.Data["ResumeMarker"]);
        }

        [Fact]
        public void A_create_whose_outcome_is_unknown_keeps_its_causes_id_and_gives_the_reference_and_paths_to_re_run_with()
        {
            var cause = new TimeoutException("No answer within 60 s.");
            var batch = new PlannedBatch(InvalidationOwner.Distribution("E1ABC"), PathPreparation.Prepare(new[] { "/a", "/b c" }).Paths, "deploy-9");
            var record = ErrorMap.ToErrorRecord(new UnknownCreateOutcomeException(batch, cause), $"Creating an invalidation of {batch}", "E1ABC");

            Assert.Equal("RequestTimeout", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, record.CategoryInfo.Category);
            Assert.Same(cause, record.Exception);
            Assert.Contains("may have been created (CallerReference 'deploy-9', paths /a, /b%20c)", record.ErrorDetails.Message);
            Assert.Contains("run again with -CallerReference 'deploy-9' and the same paths: CloudFront answers the invalidation it created, or creates it once.",
                record.ErrorDetails.Message);
            Assert.Equal("deploy-9", cause.Data["CallerReference"]);
            Assert.Equal(new[] { "/a", "/b%20c" }, cause.Data["Paths"]);
        }

        [Fact]
        public void A_failed_listing_of_the_account_counts_what_was_written_and_gives_no_marker()
        {
            var cause = new InvalidListingException(ListingViolation.RepeatedNextMarker, DistributionLister.Target, "E2", 2, "loop");
            var record = ErrorMap.ToErrorRecord(new ListingInterruptedException(DistributionLister.Target, null, 6, cause),
                "Listing the account's distributions", DistributionLister.Target);

            Assert.Equal("RepeatedNextMarker", record.FullyQualifiedErrorId);
            Assert.Same(cause, record.Exception);
            Assert.Contains("6 invalidations were written before the failure; no -Marker resumes a listing of the account's distributions",
                record.ErrorDetails.Message);
            Assert.DoesNotContain("-Marker '", record.ErrorDetails.Message);
            Assert.Equal(6, cause.Data["ItemsWritten"]);
            Assert.False(cause.Data.Contains("ResumeMarker"));
        }

        [Fact]
        public void A_failure_before_any_distribution_has_a_message_without_one()
        {
            var record = ErrorMap.ToErrorRecord(new CredentialsUnavailableException("No AWS credentials were found."), null);
            Assert.Equal("Listing invalidations failed: No AWS credentials were found.", record.ErrorDetails.Message);
            Assert.Null(record.TargetObject);
        }

        [Fact]
        public void The_message_is_never_a_stack_trace()
        {
            Exception thrown;
            try { throw new InvalidCastException("odd"); } catch (Exception e) { thrown = e; }

            var record = ErrorMap.ToErrorRecord(thrown, "E1");

            Assert.DoesNotContain(" at ", record.ErrorDetails.Message);
            Assert.Equal("UnexpectedFailure", record.FullyQualifiedErrorId);
        }

        [Fact]
        public void Every_entry_is_documented_with_a_unique_id_without_spaces()
        {
            var ids = ErrorMap.Entries.Select(e => e.ErrorId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ErrorMap.Entries, e =>
            {
                Assert.Matches("^[A-Za-z]+$", e.ErrorId);
                Assert.False(string.IsNullOrWhiteSpace(e.Cause));
                Assert.False(string.IsNullOrWhiteSpace(e.RecommendedAction));
                Assert.NotNull(e.ExceptionType);
            });
            Assert.Equal(typeof(Exception), ErrorMap.Entries.Last().ExceptionType);
        }
    

        [Theory]
        [MemberData(nameof(Failures))]
        public void The_recommendation_repeats_no_sentence_of_the_message(Exception failure, string errorId, ErrorCategory category, bool stopsCommand)
        {
            var record = ErrorMap.ToErrorRecord(failure, "E1ABC");
            var sentences = Regex.Split(record.ErrorDetails.RecommendedAction, @"(?<=[.;:])\s+").Select(s => s.Trim(' ', '.', ';', ':')).Where(s => s.Length > 15);
            Assert.All(sentences, sentence => Assert.DoesNotContain(sentence, record.ErrorDetails.Message));
            Assert.NotNull(errorId + category + stopsCommand);
        }

        [Fact]
        public void Advice_names_only_what_every_user_has()
        {
            foreach (var entry in ErrorMap.Entries)
            {
                Assert.DoesNotContain("aws ", entry.RecommendedAction);
                Assert.DoesNotContain("README", entry.RecommendedAction);
                Assert.DoesNotContain("Get-CFDistribution", entry.RecommendedAction);
            }
            Assert.Contains("Get-Help about_CloudFrontInvalidations", ErrorMap.Entries.Single(e => e.ErrorId == "AccessDenied").RecommendedAction);
        }

        [Fact]
        public void A_lower_case_distribution_id_that_does_not_exist_is_told_ids_are_upper_case()
        {
            var missing = ServiceError("NoSuchDistribution", HttpStatusCode.NotFound);
            Assert.EndsWith("Distribution ids are upper case: try 'E1ABC'.", ErrorMap.ToErrorRecord(missing, "e1abc").ErrorDetails.Message);
            Assert.EndsWith("Distribution ids are upper case: try 'E2QW'.",
                ErrorMap.ToErrorRecord(missing, "Getting invalidation I1 of distribution 'e2Qw'", "I1").ErrorDetails.Message);
            Assert.DoesNotContain("upper case", ErrorMap.ToErrorRecord(missing, "E1ABC").ErrorDetails.Message);
            Assert.DoesNotContain("upper case", ErrorMap.ToErrorRecord(ServiceError("EntityNotFound", HttpStatusCode.NotFound),
                "Listing invalidations of distribution tenant 'dt_abc'", "dt_abc").ErrorDetails.Message);
        }

        [Fact]
        public void A_failed_TLS_handshake_says_so_in_words()
        {
            var plainHttp = ErrorMap.ToErrorRecord(TlsFailure("Cannot determine the frame size or a corrupted frame was received."), "E1");
            Assert.Contains("the TLS connection could not be established", plainHttp.ErrorDetails.Message);
            Assert.Contains("plain HTTP needs an http:// URL", plainHttp.ErrorDetails.Message);
            Assert.DoesNotContain("see inner exception", plainHttp.ErrorDetails.Message);

            var untrusted = ErrorMap.ToErrorRecord(TlsFailure("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"), "E1");
            Assert.Contains("the endpoint's certificate is not trusted", untrusted.ErrorDetails.Message);
        }
    }
}
