using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Errors;
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

        [Theory]
        [InlineData("NoSuchDistribution", HttpStatusCode.NotFound, "NoSuchDistribution", ErrorCategory.ObjectNotFound)]
        [InlineData("AccessDenied", HttpStatusCode.Forbidden, "AccessDenied", ErrorCategory.PermissionDenied)]
        [InlineData("InvalidArgument", HttpStatusCode.BadRequest, "InvalidArgument", ErrorCategory.InvalidArgument)]
        public void Service_errors_map_to_their_id_and_category_and_keep_the_typed_exception(
            string code, HttpStatusCode status, string errorId, ErrorCategory category)
        {
            var failure = ServiceError(code, status);

            var record = ErrorMap.ToErrorRecord(failure, "E1ABC");

            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Same(failure, record.Exception);
            Assert.Equal("E1ABC", record.TargetObject);
            Assert.Contains("req-123", record.ErrorDetails.Message);
            Assert.False(string.IsNullOrEmpty(record.ErrorDetails.RecommendedAction));
        }

        [Fact]
        public void Interrupted_listing_reports_the_cause_with_count_and_resume_marker()
        {
            var cause = ServiceError("AccessDenied", HttpStatusCode.Forbidden);
            var record = ErrorMap.ToErrorRecord(new ListingInterruptedException("E1ABC", "IMARK", 250, cause), "E1ABC");

            Assert.Equal("AccessDenied", record.FullyQualifiedErrorId);
            Assert.Same(cause, record.Exception);
            Assert.Contains("250 invalidations were written", record.ErrorDetails.Message);
            Assert.Contains("-Marker 'IMARK'", record.ErrorDetails.Message);
        }

        [Fact]
        public void Paging_guard_maps_to_invalid_result()
        {
            var record = ErrorMap.ToErrorRecord(new InvalidListingException("E1", "M", 3, "loop"), "E1");
            Assert.Equal("InvalidListingResponse", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, record.CategoryInfo.Category);
        }

        [Fact]
        public void Connection_failure_maps_to_connection_error()
        {
            var record = ErrorMap.ToErrorRecord(new HttpRequestException("refused"), "E1");
            Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        }

        [Fact]
        public void Anything_else_has_a_documented_fallback_id()
        {
            var record = ErrorMap.ToErrorRecord(new InvalidCastException("odd"), "E1");
            Assert.Equal(ErrorMap.Entries.Last().ErrorId, record.FullyQualifiedErrorId);
        }

        [Fact]
        public void Every_error_id_is_unique_and_has_no_spaces()
        {
            var ids = ErrorMap.Entries.Select(e => e.ErrorId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.DoesNotContain(" ", id));
        }
    }
}
