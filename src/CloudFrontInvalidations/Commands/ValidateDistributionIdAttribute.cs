using System.Management.Automation;
using System.Text.RegularExpressions;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Rejects anything that is not a resource id of the expected form before a request is made: the id becomes a
    /// URL path segment, so this also keeps path traversal and query injection off the wire.
    /// </summary>
    internal abstract class ValidateResourceIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private const int MaxLength = 128;

        private readonly string _what;
        private readonly Regex _pattern;
        private readonly string _characters;
        private readonly string _example;

        /// <param name="pattern">Anchored with \A..\z, not ^..$: '$' also matches before a trailing newline.</param>
        private protected ValidateResourceIdAttribute(string what, Regex pattern, string characters, string example)
        {
            _what = what;
            _pattern = pattern;
            _characters = characters;
            _example = example;
        }

        protected override void ValidateElement(object element)
        {
            var id = element as string ?? (element as PSObject)?.BaseObject as string;
            if (string.IsNullOrWhiteSpace(id) || id!.Length > MaxLength || !_pattern.IsMatch(id))
            {
                throw new ValidationMetadataException(
                    $"'{element}' is not a {_what}: an id is 1 to {MaxLength} {_characters}, such as {_example}.");
            }
        }
    }

    internal sealed class ValidateDistributionIdAttribute : ValidateResourceIdAttribute
    {
        private static readonly Regex IdPattern = new Regex(@"\A[A-Za-z0-9]+\z", RegexOptions.CultureInvariant);

        public ValidateDistributionIdAttribute()
            : base("CloudFront distribution id", IdPattern, "ASCII letters and digits", "E2QWRUHAPOMQZL") { }
    }

    /// <summary>CloudFront's model gives tenant ids no pattern; the ids it issues are dt_ + letters and digits.</summary>
    internal sealed class ValidateDistributionTenantIdAttribute : ValidateResourceIdAttribute
    {
        private static readonly Regex IdPattern = new Regex(@"\A[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant);

        public ValidateDistributionTenantIdAttribute()
            : base("CloudFront distribution tenant id", IdPattern, "ASCII letters, digits, '_' and '-'", "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB") { }
    }
}
