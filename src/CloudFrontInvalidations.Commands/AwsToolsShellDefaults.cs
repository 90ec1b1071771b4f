using System.Management.Automation;
using System.Reflection;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Reads the session variables AWS.Tools' shell cmdlets set, in the caller's scope as AWS.Tools' own cmdlets read
    /// them. $StoredAWSRegion holds a region's system name. $StoredAWSCredentials holds an
    /// Amazon.PowerShell.Common.AWSPSCredentials, whatever Set-AWSCredential was given (-ProfileName, keys,
    /// -Credential): the credentials already resolved, in an internal property of type AWSCredentials, and their name
    /// (the profile's name, or a description) in an internal Name. A value of any other shape is ignored, as AWS.Tools
    /// ignores it.
    /// </summary>
    internal static class AwsToolsShellDefaults
    {
        private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        public static ShellDefaults Read(SessionState session)
        {
            var region = Unwrap(session.PSVariable.GetValue(ShellDefaults.RegionVariable)) as string;
            var stored = Unwrap(session.PSVariable.GetValue(ShellDefaults.CredentialsVariable));
            object? credentials = null;
            string? name = null;
            if (stored != null)
            {
                foreach (var property in stored.GetType().GetProperties(InstanceMembers))
                {
                    if (credentials == null && CredentialArgument.IsAwsCredentials(property.PropertyType) && property.GetIndexParameters().Length == 0)
                        credentials = property.GetValue(stored);
                    else if (property.Name == "Name" && property.PropertyType == typeof(string))
                        name = (string?)property.GetValue(stored);
                }
            }
            return new ShellDefaults(credentials, credentials == null ? null : name, region);
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
