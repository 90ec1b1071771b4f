using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// The common AWS parameters (AWS.Tools' names) as bound, read by name from a command's BoundParameters or a
    /// completer's fakeBoundParameters alike. Its properties are the parameters declared on the cmdlet base
    /// (Commands/AwsSessionCmdlet), name for name, and nothing maps them one by one: a test fails if the two differ.
    /// </summary>
    internal sealed class SessionParameters
    {
        private static readonly PropertyInfo[] Properties = typeof(SessionParameters).GetProperties();

        public string? Region { get; set; }
        public string? EndpointUrl { get; set; }
        public string? AccessKey { get; set; }
        [Secret] public string? SecretKey { get; set; }
        [Secret] public string? SessionToken { get; set; }
        /// <summary>An AWSCredentials object, possibly from another copy of AWSSDK.Core (see CredentialArgument).</summary>
        public object? Credential { get; set; }
        public string? ProfileName { get; set; }
        /// <summary>A credentials file used instead of the default shared files, for every profile lookup.</summary>
        public string? ProfileLocation { get; set; }

        /// <param name="bound">Parameter name → value; entries that are not common AWS parameters are ignored.</param>
        /// <param name="resolvePath">Turns a PowerShell path (-ProfileLocation) into a file system path.</param>
        internal static SessionParameters FromBound(IDictionary bound, Func<string, string>? resolvePath = null)
        {
            var parameters = new SessionParameters();
            foreach (var property in Properties)
            {
                var value = bound.Contains(property.Name) ? bound[property.Name] : null;
                if (value is PSObject wrapped) value = wrapped.BaseObject;
                if (value is EndpointUrl url) value = url.ToString();
                // A completer sees whatever was typed so far: a value of the wrong type counts as not given.
                if (value != null && property.PropertyType.IsInstanceOfType(value)) property.SetValue(parameters, value);
            }
            if (parameters.ProfileLocation != null && resolvePath != null)
                parameters.ProfileLocation = resolvePath(parameters.ProfileLocation);
            return parameters;
        }

        /// <summary>
        /// Tells endpoints and identities apart (for caches) without holding a secret: every parameter but the
        /// secret ones, with the environment's AWS_PROFILE standing in for an absent -ProfileName.
        /// </summary>
        internal string IdentityKey(Func<string, string?> environment) =>
            string.Join("|", Properties
                .Where(property => property.GetCustomAttribute<SecretAttribute>() == null)
                .Select(property => property.GetValue(this) is object value ? (value as string ?? value.GetHashCode().ToString()) : "")
                .Append(environment("AWS_PROFILE") ?? ""));

        /// <summary>A value that must never be kept outside the invocation (cache keys, logs).</summary>
        [AttributeUsage(AttributeTargets.Property)]
        private sealed class SecretAttribute : Attribute { }
    }
}
