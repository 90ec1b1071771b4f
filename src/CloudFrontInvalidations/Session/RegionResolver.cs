using System;
using Amazon.Runtime.CredentialManagement;

namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// The region: -Region, the session's $StoredAWSRegion (AWS.Tools' Set-DefaultAWSRegion), AWS_REGION,
    /// AWS_DEFAULT_REGION, the region of the profile in use (-ProfileName, AWS_PROFILE or "default"), else us-east-1. CloudFront is global, so a missing region is not an error;
    /// only a China region (cn-*) changes the endpoint. Resolved here, never by the SDK, whose fallback
    /// would also ask the EC2 instance metadata service and wait for it off EC2.
    /// </summary>
    internal static class RegionResolver
    {
        internal const string GlobalRegion = "us-east-1";

        public static string Resolve(SessionParameters parameters, ShellDefaults shell, Func<string, string?> environment)
        {
            var named = FirstNonEmpty(parameters.Region, shell.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"));
            if (named != null) return named;

            var profileName = FirstNonEmpty(parameters.ProfileName, environment("AWS_PROFILE")) ?? CredentialResolver.DefaultProfileName;
            return new CredentialProfileStoreChain(parameters.ProfileLocation).TryGetProfile(profileName, out var profile)
                && profile.Region != null
                ? profile.Region.SystemName
                : GlobalRegion;
        }

        private static string? FirstNonEmpty(params string?[] values)
        {
            foreach (var value in values)
                if (!string.IsNullOrEmpty(value)) return value;
            return null;
        }
    }
}
