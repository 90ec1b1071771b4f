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
        /// <summary>How to provide credentials, in the order the module looks for them (the error's recommended action).</summary>
        public const string HowToProvide =
            "Give -ProfileName, -Credential or -AccessKey/-SecretKey, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN " +
            "for temporary keys) or AWS_PROFILE, or write a [default] profile in ~/.aws/credentials; " +
            "Get-Help about_CloudFrontInvalidations lists every source in order.";

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
            new CredentialsUnavailableException(
                "No AWS credentials were found: no credential parameter, nothing stored by Set-AWSCredential, no AWS_ACCESS_KEY_ID " +
                "or AWS_PROFILE, no default profile, and no container or instance role answered.", sdkFailure);
    }
}
