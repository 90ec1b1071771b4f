using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// An id the service gave (a distribution in ListDistributions, an invalidation in a listing or a CreateInvalidation
    /// answer) that is not an id of its kind, as a user's would be refused: no request is made with it, and it is reported
    /// alone while the others go on. The message quotes it as <see cref="ResponseText"/> cleans a server's text.
    /// </summary>
    public sealed class InvalidIdInResponseException : Exception
    {
        /// <param name="listedBy">What gave the id ("ListDistributions"); null when that is not known here (a request's input).</param>
        internal InvalidIdInResponseException(IdRule rule, string? id, string? listedBy)
            : base(MessageFor(rule, Shown(id), listedBy))
        {
            Id = Shown(id);
            SentId = id;
        }

        /// <summary>The id as the service sent it, without control characters, masked and cut to a sane length; null when it sent none.</summary>
        public string? Id { get; }

        /// <summary>The id exactly as sent, never shown: how an error record recognises it among its targets.</summary>
        internal string? SentId { get; }

        private static string? Shown(string? id) => ResponseText.Clean(id, ResponseText.MaxTokenLength);

        private static string MessageFor(IdRule rule, string? shown, string? listedBy) =>
            (listedBy == null ? $"The {rule.Kind} '{shown}' is not valid" : $"{listedBy} gave the {rule.Kind} '{shown}', which is not valid")
            + $" ({rule.Wording}): no request was made with it.";
    }
}
