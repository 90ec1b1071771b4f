using System.Management.Automation;
using System.Text.RegularExpressions;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Rejects anything that is not a CloudFront id of its kind before a request is made: the id becomes a
    /// URL path segment, so this also keeps path traversal and query injection off the wire.
    /// </summary>
    internal abstract class ValidateCloudFrontIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly int _maxLength;
        private readonly string _kind;
        private readonly Regex _pattern;
        private readonly string _rule;

        /// <param name="kind">"distribution id".</param>
        /// <param name="pattern">The characters allowed, anchored with \A..\z ('$' also matches before a trailing newline).</param>
        /// <param name="rule">"ASCII letters and digits, such as E2QWRUHAPOMQZL".</param>
        private protected ValidateCloudFrontIdAttribute(string kind, string pattern, string rule, int maxLength = 128)
        {
            _maxLength = maxLength;
            _kind = kind;
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            _rule = rule;
        }

        protected override void ValidateElement(object element)
        {
            var id = element as string ?? (element as PSObject)?.BaseObject as string;
            if (string.IsNullOrWhiteSpace(id) || id!.Length > _maxLength || !_pattern.IsMatch(id))
            {
                throw new ValidationMetadataException(
                    $"'{element}' is not a CloudFront {_kind}: {_rule}.");
            }
        }
    }

    /// <summary>
    /// A distribution id, or a domain name of the distribution (an alternate domain name or its *.cloudfront.net name,
    /// resolved by DistributionNameResolver): DNS labels of letters, digits and '-', at least two, at most 253 characters.
    /// </summary>
    internal sealed class ValidateDistributionIdAttribute : ValidateCloudFrontIdAttribute
    {
        private const string Label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";

        public ValidateDistributionIdAttribute()
            : base("distribution id or domain name", $@"\A(?:[A-Za-z0-9]+|(?:{Label}\.)+{Label}\.?)\z",
                "an id is ASCII letters and digits, such as E2QWRUHAPOMQZL; a domain name of the distribution is such as www.example.com or d111111abcdef8.cloudfront.net",
                maxLength: 253) { }
    }

    internal sealed class ValidateInvalidationIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateInvalidationIdAttribute()
            : base("invalidation id", @"\A[A-Za-z0-9]+\z", "an id is 1 to 128 ASCII letters and digits, such as I2J0I21PCUYOIK") { }
    }

    /// <summary>CloudFront's model gives tenant ids no pattern; the ids it issues are dt_ + letters and digits.</summary>
    internal sealed class ValidateDistributionTenantIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateDistributionTenantIdAttribute()
            : base("distribution tenant id", @"\A[A-Za-z0-9_-]+\z", "an id is 1 to 128 ASCII letters, digits, '_' and '-', such as dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB") { }
    }
}
