using Amazon.Runtime;

namespace CloudFrontInvalidations.Session
{
    /// <summary>Credentials and a description of where they came from (for -Verbose and errors).</summary>
    internal sealed record ResolvedCredentials(AWSCredentials Credentials, string Source);
}
