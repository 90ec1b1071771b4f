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
        /// <param name="rule">"an id is 1 to 128 ASCII letters and digits, such as E2QWRUHAPOMQZL".</param>
        /// <param name="maxLength">The longest value accepted.</param>
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
                throw new ValidationMetadataException($"'{element}' is not a CloudFront {_kind}: {_rule}.");
            }
        }
    }
}
