using System.Management.Automation;
using System.Text.RegularExpressions;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Rejects anything that is not a distribution id before a request is made: the id becomes a
    /// URL path segment, so this also keeps path traversal and query injection off the wire.
    /// </summary>
    internal sealed class ValidateDistributionIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private const int MaxLength = 128;
        // \A..\z, not ^..$: '$' also matches before a trailing newline.
        private static readonly Regex IdPattern = new Regex(@"\A[A-Za-z0-9]+\z", RegexOptions.CultureInvariant);

        protected override void ValidateElement(object element)
        {
            var id = element as string ?? (element as PSObject)?.BaseObject as string;
            if (string.IsNullOrWhiteSpace(id) || id!.Length > MaxLength || !IdPattern.IsMatch(id))
            {
                throw new ValidationMetadataException(
                    $"'{element}' is not a CloudFront distribution id: an id is 1 to {MaxLength} ASCII letters and digits, such as E2QWRUHAPOMQZL.");
            }
        }
    }
}
