using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Rejects anything that is not a CloudFront id of its kind (<see cref="IdRule"/>, the rule ids from the service are
    /// held to as well) before a request is made.
    /// </summary>
    internal abstract class ValidateCloudFrontIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly IdRule _rule;

        private protected ValidateCloudFrontIdAttribute(IdRule rule) => _rule = rule;

        /// <summary>"distribution id", as the message names what was expected.</summary>
        private protected virtual string Kind => _rule.Kind;

        /// <summary>"an id is 1 to 128 ASCII letters and digits, such as E2QWRUHAPOMQZL".</summary>
        private protected virtual string Wording => _rule.Wording;

        private protected virtual bool Accepts(string id) => _rule.Accepts(id);

        protected override void ValidateElement(object element)
        {
            var id = element as string ?? (element as PSObject)?.BaseObject as string;
            if (string.IsNullOrWhiteSpace(id) || !Accepts(id!))
            {
                throw new ValidationMetadataException($"'{element}' is not a CloudFront {Kind}: {Wording}.");
            }
        }
    }
}
