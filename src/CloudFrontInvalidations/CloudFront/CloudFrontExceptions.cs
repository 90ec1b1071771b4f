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

        internal CloudFrontServiceException(ErrorResponse error)
            : this(error.Message ?? error.Code ?? "CloudFront returned an error.", error.InnerException,
                error.Type, error.Code, error.RequestId, error.StatusCode)
        {
        }

        /// <summary>The typed exception for an error code, or the base type for codes without one.</summary>
        internal static CloudFrontServiceException FromErrorResponse(ErrorResponse error) => error.Code switch
        {
            "NoSuchDistribution" => new NoSuchDistributionException(error),
            "AccessDenied" => new AccessDeniedException(error),
            "InvalidArgument" => new InvalidArgumentException(error),
            _ when CredentialsRejectedException.Codes.Contains(error.Code) => new CredentialsRejectedException(error),
            _ => new CloudFrontServiceException(error),
        };
    }

    /// <summary>404 NoSuchDistribution: the distribution does not exist in this account.</summary>
    public sealed class NoSuchDistributionException : CloudFrontServiceException
    {
        internal NoSuchDistributionException(ErrorResponse error) : base(error) { }
    }

    /// <summary>403 AccessDenied: the caller may not list this distribution's invalidations.</summary>
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
}
