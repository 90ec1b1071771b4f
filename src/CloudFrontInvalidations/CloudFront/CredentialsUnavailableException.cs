using System;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// No credentials could be found (or the ones asked for do not exist), so no request can be signed:
    /// every input would fail the same way, and the cmdlet stops at the first. Session code throws it
    /// for its own failures (an unknown -ProfileName, a key without its secret); the client throws it in
    /// place of AWSSDK.Core's untyped "no credentials anywhere" failure.
    /// </summary>
    public sealed class CredentialsUnavailableException : AmazonClientException
    {
        /// <summary>How to provide credentials, as the AWS CLI and the other SDKs find them.</summary>
        public const string HowToProvide =
            "Provide credentials as for the AWS CLI: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary ones), " +
            "a profile in ~/.aws/credentials or ~/.aws/config selected with AWS_PROFILE (run 'aws configure' or 'aws sso login'), " +
            "or an instance, container or web-identity role.";

        // AWSSDK.Core reports an empty default chain as a plain AmazonClientException with this message.
        private const string SdkNoCredentialsMessage = "Failed to resolve AWS credentials";

        public CredentialsUnavailableException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>Whether <paramref name="failure"/> is AWSSDK.Core saying that no credential source had any.</summary>
        internal static bool IsSdkNoCredentials(Exception failure) =>
            failure.GetType() == typeof(AmazonClientException)
            && failure.Message.StartsWith(SdkNoCredentialsMessage, StringComparison.Ordinal);

        internal static CredentialsUnavailableException FromSdk(Exception sdkFailure) =>
            new CredentialsUnavailableException("No AWS credentials were found. " + HowToProvide, sdkFailure);
    }
}
