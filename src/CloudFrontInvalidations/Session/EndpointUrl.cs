using System;

namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// What -EndpointUrl accepts: an absolute http or https URL with a host. AWSSDK.Core would take "127.0.0.1:4566"
    /// or "ftp://..." and fail later with a message about something else.
    /// </summary>
    internal static class EndpointUrl
    {
        /// <summary>Null when <paramref name="text"/> is usable, else why not, in a sentence that names the value.</summary>
        public static string? Problem(string? text)
        {
            const string expected = "-EndpointUrl takes an absolute http or https URL, such as https://cloudfront.amazonaws.com or http://127.0.0.1:4566";
            if (string.IsNullOrWhiteSpace(text)) return $"{expected}; it is empty.";
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !text!.Contains("://"))
                return $"'{text}' is not an absolute URL: {expected} (with its scheme).";
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                return $"'{text}' is not an http or https URL (its scheme is {uri.Scheme}): {expected}.";
            if (string.IsNullOrEmpty(uri.Host))
                return $"'{text}' names no host: {expected}.";
            return null;
        }
    }
}
