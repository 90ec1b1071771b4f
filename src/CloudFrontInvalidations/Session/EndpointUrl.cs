using System;
using System.Text.RegularExpressions;

namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// What -EndpointUrl accepts: an absolute http or https URL with a host and no user information. AWSSDK.Core would take
    /// "127.0.0.1:4566" or "ftp://..." and fail later with a message about something else; a "user:password@" part is never
    /// sent (the requests are signed with AWS credentials) and would be printed wherever the URL is. The parameter has this type, not string,
    /// so that PowerShell refuses anything else while binding as a failed conversion (category InvalidArgument,
    /// with this message); a script that passes a string, as to AWS.Tools, binds through the constructor. A value with
    /// user information binds, refused (<see cref="Refusal"/>): PowerShell's conversion error would quote it whole, password
    /// and all, so the command refuses it itself before any request, with the user information masked.
    /// </summary>
    public sealed class EndpointUrl
    {
        private readonly string _url;

        /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL; the message says why.</exception>
        public EndpointUrl(string url)
        {
            var problem = Problem(url);
            if (problem != null && !UserInfo.IsMatch(url)) throw new ArgumentException(problem);
            Refusal = problem;
            _url = problem == null ? url : UserInfo.Replace(url, "***@");
        }

        /// <summary>A [uri], which AWS.Tools' string parameter also takes (as its text).</summary>
        /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL; the message says why.</exception>
        public EndpointUrl(Uri url) : this(url.OriginalString)
        {
        }

        /// <summary>The URL as given (with its user information masked when it is refused).</summary>
        public override string ToString() => _url;

        /// <summary>Why a value that carries user information is refused (null for a usable URL): the command stops with it.</summary>
        public string? Refusal { get; }

        // The user information of anything that looks like a URL: from its start or "scheme://" up to an '@' before any '/'.
        private static readonly Regex UserInfo = new Regex("(?<=^|://)[^/@]*@", RegexOptions.CultureInvariant);

        /// <summary>Null when <paramref name="text"/> is usable, else why not, in a sentence that names the value (with any
        /// user information masked).</summary>
        internal static string? Problem(string? text)
        {
            const string expected = "-EndpointUrl takes an absolute http or https URL, such as https://cloudfront.amazonaws.com or http://127.0.0.1:4566";
            if (string.IsNullOrWhiteSpace(text)) return $"{expected}; it is empty.";
            var shown = UserInfo.Replace(text, "***@");
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !text!.Contains("://"))
                return $"'{shown}' is not an absolute URL: {expected} (with its scheme).";
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                return $"'{shown}' is not an http or https URL (its scheme is {uri.Scheme}): {expected}.";
            if (string.IsNullOrEmpty(uri.Host))
                return $"'{shown}' names no host: {expected}.";
            if (uri.UserInfo.Length > 0)
                return $"'{shown}' carries user information before its host, which is never sent (requests are signed with AWS credentials): {expected}, without 'user:password@'.";
            return null;
        }
    }
}
