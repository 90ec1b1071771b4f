using System.Net;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// A response body longer than the operation can produce (a page of at most 100 items, one invalidation, an error
    /// document): reading stopped at the limit, so memory stays bounded whatever the server sends. Reported as
    /// UnreadableResponse.
    /// </summary>
    public sealed class ResponseTooLargeException : AmazonUnmarshallingException
    {
        internal ResponseTooLargeException(string? requestId, string location, long maxBytes, HttpStatusCode statusCode)
            : base(requestId, location, null,
                $"{location}: the body is longer than {maxBytes / 1024} KiB, far more than this answer can hold; reading stopped there.", null)
        {
            MaxBytes = maxBytes;
            StatusCode = statusCode;
        }

        /// <summary>The most a body of this answer may hold.</summary>
        public long MaxBytes { get; }
    }
}
