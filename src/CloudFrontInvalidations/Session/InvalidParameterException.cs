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
}
