using System.Text.RegularExpressions;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// What a CloudFront id of one kind may be, whoever gives it: the user (the parameters' validation attributes) or the
    /// service (ids listed, then used in another request). An id becomes a URL path segment, so the rule also keeps path
    /// traversal ('..', '/') and query injection ('?') off the wire; one that breaks it is never sent.
    /// </summary>
    internal sealed class IdRule
    {
        /// <summary>The longest id of any kind: CloudFront's own are 14 (distribution, invalidation) to 30 (tenant) characters.</summary>
        internal const int MaxLength = 128;

        internal static readonly IdRule Distribution = new IdRule("distribution id", @"\A[A-Za-z0-9]+\z",
            "an id is ASCII letters and digits, such as E2QWRUHAPOMQZL");

        internal static readonly IdRule Invalidation = new IdRule("invalidation id", @"\A[A-Za-z0-9]+\z",
            "an id is 1 to 128 ASCII letters and digits, such as I2J0I21PCUYOIK");

        /// <summary>CloudFront's model gives tenant ids no pattern; the ids it issues are dt_ + letters and digits.</summary>
        internal static readonly IdRule Tenant = new IdRule("distribution tenant id", @"\A[A-Za-z0-9_-]+\z",
            "an id is 1 to 128 ASCII letters, digits, '_' and '-', such as dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB");

        private readonly Regex _pattern;

        /// <param name="pattern">The characters allowed, anchored with \A..\z ('$' also matches before a trailing newline).</param>
        private IdRule(string kind, string pattern, string wording)
        {
            Kind = kind;
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            Wording = wording;
        }

        /// <summary>"distribution id".</summary>
        internal string Kind { get; }

        /// <summary>The rule as messages say it: "an id is 1 to 128 ASCII letters and digits, such as I2J0I21PCUYOIK".</summary>
        internal string Wording { get; }

        /// <summary>The owner's kind of id: a distribution's or a tenant's.</summary>
        internal static IdRule Of(InvalidationOwner owner) => owner.IsTenant ? Tenant : Distribution;

        internal bool Accepts(string? id) => !string.IsNullOrEmpty(id) && id!.Length <= MaxLength && _pattern.IsMatch(id);

        /// <summary>The id as a message may quote it: itself when the rule accepts it, else as <see cref="ResponseText"/> cleans a server's text.</summary>
        internal string Shown(string id) => Accepts(id) ? id : ResponseText.Clean(id, ResponseText.MaxTokenLength)!;

        /// <summary>Null when the service's id may be used; else the failure to report for it alone.</summary>
        /// <param name="listedBy">What gave the id, as the message says it: "ListDistributions"; null when not known.</param>
        internal InvalidIdInResponseException? Refuse(string? id, string? listedBy) =>
            Accepts(id) ? null : new InvalidIdInResponseException(this, id, listedBy);
    }
}
