using System;
using System.Net;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// The endpoint answered with a redirect (HTTP 3xx). CloudFront's API never redirects, and following one would send the
    /// signed request, with its session token, to wherever the Location says: the answer is an error that names both.
    /// </summary>
    public sealed class RedirectRefusedException : CloudFrontServiceException
    {
        internal RedirectRefusedException(HttpStatusCode statusCode, string? location, string? requestId)
            : base($"The endpoint answered {ResponseDescriptions.Status(statusCode)}, a redirect to {(location == null ? "no Location" : "'" + location + "'")}; redirects are never followed, so no credential leaves for another address.",
                null, ErrorType.Unknown, null, requestId, statusCode)
        {
            Location = location;
        }

        /// <summary>The Location header as sent (control characters removed, cut to a sane length); null without one.</summary>
        public string? Location { get; }
    }
}
