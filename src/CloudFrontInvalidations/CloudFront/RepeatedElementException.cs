using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// An element that a body holds once (a page's Items, IsTruncated, NextMarker or Marker; an invalidation's Status, Items,
    /// Quantity or CallerReference) came twice: reading either one would drop the other without a word, so the body is
    /// unreadable. The InnerException of the AmazonUnmarshallingException reported.
    /// </summary>
    public sealed class RepeatedElementException : FormatException
    {
        internal RepeatedElementException(string elementName)
            : base($"{elementName}: the element appears more than once, where CloudFront sends it once.")
        {
            ElementName = elementName;
        }

        public string ElementName { get; }
    }
}
