using System;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.Runtime;

namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// -Credential accepts any Amazon.Runtime.AWSCredentials, also one built by another copy of AWSSDK.Core
    /// (AWS.Tools' in the same session: on PowerShell 7 our SDK lives in a load context of its own, so its
    /// AWSCredentials is a different type).
    /// </summary>
    internal static class CredentialArgument
    {
        private const string AwsCredentialsTypeName = "Amazon.Runtime.AWSCredentials";

        public static AWSCredentials ToAwsCredentials(object value)
        {
            var candidate = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (candidate is AWSCredentials own) return own;
            if (IsAwsCredentials(candidate.GetType())) return new ForeignAWSCredentials(candidate);
            throw new InvalidParameterException("Credential",
                $"-Credential expects an {AwsCredentialsTypeName} object (e.g. from AWS.Tools' Get-AWSCredential), not a {candidate.GetType().FullName}. " +
                "For a user name and password use -AccessKey and -SecretKey.");
        }

        /// <summary>Whether <paramref name="type"/> is an AWSCredentials of any copy of AWSSDK.Core (compared by name).</summary>
        internal static bool IsAwsCredentials(Type? type)
        {
            for (; type != null; type = type.BaseType)
                if (type.FullName == AwsCredentialsTypeName) return true;
            return false;
        }

        /// <summary>
        /// Asks the foreign object for its credentials on every signing, so refreshing credentials
        /// (assume-role, SSO, instance) keep refreshing.
        /// </summary>
        private sealed class ForeignAWSCredentials : AWSCredentials
        {
            private readonly object _source;
            private readonly MethodInfo _getCredentials;

            public ForeignAWSCredentials(object source)
            {
                _source = source;
                _getCredentials = source.GetType().GetMethod(nameof(GetCredentials), Type.EmptyTypes)
                    ?? throw new InvalidParameterException("Credential", $"{source.GetType().FullName} has no GetCredentials() method.");
            }

            public override ImmutableCredentials GetCredentials()
            {
                object immutable;
                try
                {
                    immutable = _getCredentials.Invoke(_source, null)
                        ?? throw new InvalidOperationException("The -Credential object returned no credentials.");
                }
                catch (TargetInvocationException failure) when (failure.InnerException != null)
                {
                    ExceptionDispatchInfo.Capture(failure.InnerException).Throw();
                    throw;
                }
                return new ImmutableCredentials(Read(immutable, "AccessKey"), Read(immutable, "SecretKey"), Read(immutable, "Token"));
            }

            private static string? Read(object immutable, string property) =>
                immutable.GetType().GetProperty(property)?.GetValue(immutable) as string;
        }
    }
}
