using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// An element of a success body whose text is not a value of its type: the InnerException of the
    /// AmazonUnmarshallingException that the SDK then retries and reports.
    /// </summary>
    public sealed class UnreadableElementException : FormatException
    {
        internal UnreadableElementException(string elementName, string text, string expected, Exception innerException)
            : base($"{elementName}: '{text}' is not {expected}.", innerException)
        {
            ElementName = elementName;
            Text = text;
        }

        public string ElementName { get; }
        /// <summary>The element's text as sent (empty for an empty element).</summary>
        public string Text { get; }
    }
}
