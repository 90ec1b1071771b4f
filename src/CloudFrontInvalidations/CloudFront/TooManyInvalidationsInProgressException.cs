using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// 400 TooManyInvalidationsInProgress: the batch does not fit beside what is in progress on the distribution
    /// (3,000 file paths and 15 wildcard paths); it fits once enough of those complete.
    /// </summary>
    public sealed class TooManyInvalidationsInProgressException : CloudFrontServiceException
    {
        internal TooManyInvalidationsInProgressException(ErrorResponse error) : base(error) { }
    }
}
