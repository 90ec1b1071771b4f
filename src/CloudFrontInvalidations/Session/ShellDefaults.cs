namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// What AWS.Tools' Set-AWSCredential, Set-DefaultAWSRegion and Initialize-AWSDefaultConfiguration stored in the
    /// PowerShell session, as plain values (the cmdlets read the session variables). As in AWS.Tools, they come after
    /// the command's own parameters and before the environment and the profile files.
    /// </summary>
    internal sealed class ShellDefaults
    {
        internal const string CredentialsVariable = "StoredAWSCredentials";
        internal const string RegionVariable = "StoredAWSRegion";

        public static ShellDefaults None { get; } = new ShellDefaults(null, null, null);

        /// <param name="credentials">An Amazon.Runtime.AWSCredentials object, AWS.Tools' own included (see CredentialArgument).</param>
        /// <param name="credentialsName">The name AWS.Tools gave them: the profile's name after Set-AWSCredential -ProfileName.</param>
        /// <param name="region">A region's system name, such as eu-west-1.</param>
        public ShellDefaults(object? credentials, string? credentialsName, string? region)
        {
            Credentials = credentials;
            CredentialsName = credentialsName;
            Region = string.IsNullOrEmpty(region) ? null : region;
        }

        public object? Credentials { get; }
        public string? CredentialsName { get; }
        public string? Region { get; }

        /// <summary>Where the credentials came from, for -Verbose and errors.</summary>
        internal string CredentialsSource =>
            $"${CredentialsVariable}" + (string.IsNullOrEmpty(CredentialsName) ? "" : $" ('{CredentialsName}')") +
            ", set in this session by Set-AWSCredential or Initialize-AWSDefaultConfiguration";
    }
}
