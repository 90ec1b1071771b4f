using System;

namespace CloudFrontInvalidations.Session
{
    /// <summary>A common parameter (or -Select) has a value that cannot work; raised before any request.</summary>
    public sealed class InvalidParameterException : Exception
    {
        public InvalidParameterException(string parameterName, string message) : base(message)
        {
            ParameterName = parameterName;
        }

        public string ParameterName { get; }
    }

    /// <summary>
    /// No credentials could be obtained: none configured anywhere, or the configured source (a profile's
    /// role, SSO token, -Credential object...) failed to produce them.
    /// </summary>
    public sealed class CredentialsUnavailableException : Exception
    {
        public CredentialsUnavailableException(string source, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Source = source;
        }

        /// <summary>Where the credentials were looked for, e.g. "profile 'prod' (-ProfileName)".</summary>
        public new string Source { get; }
    }
}
