using System.Text;
using System.Text.RegularExpressions;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Text that a server sent (an error message, a code, a Location, a request id), made fit to show: control characters
    /// (ANSI escapes among them) become spaces, anything that looks like a key or token is masked, and the length is cut.
    /// Whatever a hostile or broken endpoint answers, what reaches an error record cannot clear a screen, fill memory or
    /// repeat a credential the request carried.
    /// </summary>
    internal static class ResponseText
    {
        /// <summary>The longest message kept: CloudFront's own are one sentence.</summary>
        internal const int MaxMessageLength = 512;
        /// <summary>The longest code, request id or header value kept.</summary>
        internal const int MaxTokenLength = 128;

        // A run of 30 or more letters, digits, '+' and '=' with a digit in it, as secret keys, session tokens and signatures
        // are between their slashes (paths, URLs and request ids break at '/', '-' and '.'), while CloudFront's error codes
        // (TooManyInvalidationsInProgress: letters only) and ids (a tenant's 27 characters after "dt_") are shorter or
        // digit-free; and an access key id (AKIA/ASIA and 16 more).
        private static readonly Regex CredentialLike = new Regex(@"(?=[A-Za-z+=]*[0-9])[A-Za-z0-9+=]{30,}|\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b", RegexOptions.CultureInvariant);

        /// <summary>Null stays null; otherwise printable, masked (unless told not to) and at most <paramref name="maxLength"/> characters.</summary>
        /// <param name="mask">False for a request id, which is a long run of hex digits and dashes by nature.</param>
        internal static string? Clean(string? text, int maxLength = MaxMessageLength, bool mask = true)
        {
            if (text == null) return null;
            // Cut first (with room for what the masking shortens), so the work is bounded too.
            var source = text.Length > maxLength * 2 ? text.Substring(0, maxLength * 2) : text;
            var printable = new StringBuilder(source.Length);
            foreach (var character in source)
                printable.Append(char.IsControl(character) || char.IsSurrogate(character) ? ' ' : character);
            var masked = (mask ? CredentialLike.Replace(printable.ToString(), "[hidden]") : printable.ToString()).Trim();
            return masked.Length <= maxLength && text.Length <= maxLength * 2 ? masked : masked.Substring(0, System.Math.Min(masked.Length, maxLength - 1)) + "…";
        }
    }
}
