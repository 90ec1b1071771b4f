using System;
using System.Collections.Generic;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// An error answered by CloudFront (or a compatible endpoint): ErrorCode, StatusCode and RequestId
    /// come from the error response. The derived types are the codes a runbook is likely to branch on.
    /// </summary>
    public class CloudFrontServiceException : AmazonServiceException
    {
        public CloudFrontServiceException(string message, Exception? innerException, ErrorType errorType,
            string? errorCode, string? requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }

        /// <summary>
        /// From an error document: its code and message are cleaned (<see cref="ResponseText"/>), and a message that is not
        /// CloudFront's own (the SDK puts the whole body there when the document does not parse) is left out.
        /// </summary>
        internal CloudFrontServiceException(ErrorResponse error)
            : this(MessageOf(error), error.InnerException, error.Type, ResponseText.Clean(error.Code, ResponseText.MaxTokenLength),
                ResponseText.Clean(error.RequestId, ResponseText.MaxTokenLength, mask: false), error.StatusCode)
        {
        }

        // AWSSDK.Core's message for a body that does not parse as an error document: "The service returned an error with Error
        // Code X and HTTP Body: <the whole body>".
        private const string SdkBodyFallback = "HTTP Body:";

        private static string MessageOf(ErrorResponse error)
        {
            var message = error.Message;
            if (string.IsNullOrWhiteSpace(message) || message!.IndexOf(SdkBodyFallback, StringComparison.Ordinal) >= 0)
                message = null;
            return ResponseText.Clean(message) ?? $"CloudFront answered {ResponseDescriptions.Status(error.StatusCode)} without a readable message.";
        }

        private static readonly string[] ThrottlingCodes = { "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded" };

        /// <summary>The service (or a gateway before it) refused the request's rate: a Throttling code or HTTP 429.</summary>
        internal static bool IsThrottling(AmazonServiceException failure) =>
            Array.IndexOf(ThrottlingCodes, failure.ErrorCode) >= 0 || failure.StatusCode == (HttpStatusCode)429;

        /// <summary>The typed exception for an error code, or the base type for codes without one.</summary>
        internal static CloudFrontServiceException FromErrorResponse(ErrorResponse error) => error.Code switch
        {
            "NoSuchDistribution" => new NoSuchDistributionException(error),
            "NoSuchInvalidation" => new NoSuchInvalidationException(error),
            "EntityNotFound" => new EntityNotFoundException(error),
            "AccessDenied" => new AccessDeniedException(error),
            "InvalidArgument" => new InvalidArgumentException(error),
            "TooManyInvalidationsInProgress" => new TooManyInvalidationsInProgressException(error),
            _ when CredentialsRejectedException.Codes.Contains(error.Code) => new CredentialsRejectedException(error),
            _ => new CloudFrontServiceException(error),
        };
    }

    /// <summary>404 NoSuchDistribution: the distribution does not exist in this account.</summary>
    public sealed class NoSuchDistributionException : CloudFrontServiceException
    {
        internal NoSuchDistributionException(ErrorResponse error) : base(error) { }
    }

    /// <summary>404 NoSuchInvalidation: the distribution (or tenant) has no invalidation with this id.</summary>
    public sealed class NoSuchInvalidationException : CloudFrontServiceException
    {
        internal NoSuchInvalidationException(ErrorResponse error) : base(error) { }
    }

    /// <summary>404 EntityNotFound: no distribution tenant with this id exists in this account.</summary>
    public sealed class EntityNotFoundException : CloudFrontServiceException
    {
        internal EntityNotFoundException(ErrorResponse error) : base(error) { }
    }

    /// <summary>403 AccessDenied: the identity in use may not call this operation on this resource.</summary>
    public sealed class AccessDeniedException : CloudFrontServiceException
    {
        internal AccessDeniedException(ErrorResponse error) : base(error) { }
    }

    /// <summary>400 InvalidArgument: the service rejected a parameter, such as an unknown marker.</summary>
    public sealed class InvalidArgumentException : CloudFrontServiceException
    {
        internal InvalidArgumentException(ErrorResponse error) : base(error) { }
    }

    /// <summary>
    /// 403/400 SignatureDoesNotMatch, InvalidClientTokenId, ExpiredToken and the like: the service
    /// rejected the credentials themselves, so every request made with them fails the same way.
    /// </summary>
    public sealed class CredentialsRejectedException : CloudFrontServiceException
    {
        internal static readonly ISet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
        {
            "SignatureDoesNotMatch", "IncompleteSignature", "InvalidClientTokenId", "UnrecognizedClientException",
            "ExpiredToken", "ExpiredTokenException", "RequestExpired",
        };

        internal CredentialsRejectedException(ErrorResponse error) : base(error) { }
    }

    /// <summary>
    /// An HTTP error whose body is not an AWS error document (empty, an HTML page from a proxy, JSON): something
    /// other than CloudFront answered, or CloudFront's answer was replaced on the way. StatusCode is the HTTP
    /// status; ErrorCode is null, since there is none to read.
    /// </summary>
    public sealed class NonAwsErrorResponseException : CloudFrontServiceException
    {
        internal NonAwsErrorResponseException(HttpStatusCode statusCode, string? contentType, bool emptyBody,
            string? requestId, Exception? innerException)
            : this(Describe(statusCode, contentType, emptyBody), contentType, statusCode, requestId, innerException)
        {
        }

        private NonAwsErrorResponseException(string reason, string? contentType, HttpStatusCode statusCode,
            string? requestId, Exception? innerException)
            : base($"The endpoint answered {reason}: most likely a proxy, gateway or firewall in between answered, or -EndpointUrl is not a CloudFront endpoint.",
                innerException, ErrorType.Unknown, null, requestId, statusCode)
        {
            Reason = reason;
            ContentType = contentType;
        }

        /// <summary>"HTTP 502 (Bad Gateway) with a body that is not an AWS error document (text/html)".</summary>
        public string Reason { get; }

        /// <summary>The Content-Type of the body, if the answer had one.</summary>
        public string? ContentType { get; }

        // The body itself is left out: a proxy's page may echo the request's headers, the session token among them.
        private static string Describe(HttpStatusCode statusCode, string? contentType, bool emptyBody) =>
            ResponseDescriptions.Status(statusCode) + (emptyBody
                ? " with an empty body"
                : $" with a body that is not an AWS error document ({(string.IsNullOrEmpty(contentType) ? "no Content-Type" : contentType)})");
    }
}
