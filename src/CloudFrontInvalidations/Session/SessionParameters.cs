namespace CloudFrontInvalidations.Session
{
    /// <summary>The common AWS parameters (AWS.Tools' names), as bound.</summary>
    public sealed class SessionParameters
    {
        public string? Region { get; set; }
        public string? EndpointUrl { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }
        /// <summary>An AWSCredentials object, possibly from another copy of AWSSDK.Core (see CredentialArgument).</summary>
        public object? Credential { get; set; }
        public string? ProfileName { get; set; }
        /// <summary>A credentials file used instead of the default shared files, for every profile lookup.</summary>
        public string? ProfileLocation { get; set; }
    }
}
