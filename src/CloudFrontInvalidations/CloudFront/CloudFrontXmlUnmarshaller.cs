using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// What every CloudFront operation's unmarshaller shares: walking the streamed XML element by element,
    /// and error bodies becoming typed exceptions.
    /// </summary>
    /// <remarks>
    /// Success bodies are read with a plain forward-only <see cref="XmlReader"/> over the context's stream,
    /// not through the context's own Read/TestExpression: the context rebuilds its whole element path as a
    /// string on every node, which made unmarshalling the largest part of the client's time per page
    /// (bench/results.md). Error bodies are rare and keep the SDK's error unmarshaller.
    /// </remarks>
    internal abstract class CloudFrontXmlUnmarshaller : XmlResponseUnmarshaller
    {
        // As the SDK's own reader: no DTD processing, nothing but elements and text.
        private static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        /// <summary>
        /// Reads the document's root element <paramref name="rootName"/> with <paramref name="readRoot"/>;
        /// null for an empty body or another root.
        /// </summary>
        protected static T? ReadDocument<T>(XmlUnmarshallerContext context, string rootName,
            Func<XmlReader, T> readRoot) where T : class
        {
            if (context.IsEmptyResponse) return null;
            using (var reader = XmlReader.Create(context.Stream, ReaderSettings))
            {
                try
                {
                    return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == rootName
                        ? readRoot(reader)
                        : null;
                }
                catch (Exception unreadable) when (unreadable is XmlException || unreadable is FormatException || unreadable is OverflowException)
                {
                    // Not XML, or XML whose numbers, booleans or times do not parse: either way unreadable.
                    // The SDK's retry policy treats an unreadable 200 as transient (a body cut in transit)
                    // only when it arrives as AmazonUnmarshallingException, as its generated unmarshallers raise it.
                    throw new AmazonUnmarshallingException(RequestIdOf(context), $"{rootName} (at {reader.LocalName})",
                        unreadable, context.ResponseData.StatusCode);
                }
            }
        }

        private static string? RequestIdOf(XmlUnmarshallerContext context)
        {
            foreach (var header in new[] { HeaderKeys.XAmzRequestIdHeader, HeaderKeys.RequestIdHeader })
            {
                if (context.ResponseData.IsHeaderPresent(header)) return context.ResponseData.GetHeaderValue(header);
            }
            return null;
        }

        /// <summary>
        /// Calls <paramref name="readChild"/> with the name of each direct child element of the element the
        /// reader is on, then leaves the reader just past that element. A child the callback does not read
        /// (with the Read* helpers or a nested walk) is skipped whole, with everything it contains.
        /// </summary>
        protected static void ForEachChildElement(XmlReader reader, Action<string> readChild)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }
            var position = (IXmlLineInfo)reader;
            reader.Read();
            while (reader.MoveToContent() != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Skip();
                    continue;
                }
                var (line, column) = (position.LineNumber, position.LinePosition);
                readChild(reader.LocalName);
                if (reader.NodeType == XmlNodeType.Element && position.LineNumber == line && position.LinePosition == column)
                    reader.Skip();
            }
            reader.Read();
        }

        /// <summary>
        /// Reads an Items element: each <paramref name="itemName"/> child with <paramref name="readItem"/>;
        /// null when there is none, as for a list without Items.
        /// </summary>
        protected static List<T>? ReadItems<T>(XmlReader reader, string itemName, Func<XmlReader, T> readItem)
        {
            List<T>? items = null;
            ForEachChildElement(reader, name =>
            {
                if (name == itemName) (items ??= new List<T>()).Add(readItem(reader));
            });
            return items;
        }

        /// <summary>The element's text; null for a self-closing element, as the SDK's context reads it.</summary>
        protected static string? ReadString(XmlReader reader)
        {
            if (!reader.IsEmptyElement) return reader.ReadElementContentAsString();
            reader.Read();
            return null;
        }

        protected static int? ReadInt(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0 ? int.Parse(text, CultureInfo.InvariantCulture) : (int?)null;

        /// <summary>bool.Parse, as the SDK's own: "true" and "True" both read.</summary>
        protected static bool? ReadBool(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0 ? bool.Parse(text) : (bool?)null;

        /// <summary>CloudFront writes UTC ("...Z"); a time without a zone is taken as UTC too.</summary>
        protected static DateTime ReadUtcTime(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : default;

        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context,
            Exception innerException, HttpStatusCode statusCode)
        {
            var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
            error.InnerException = innerException;
            error.StatusCode = statusCode;
            return CloudFrontServiceException.FromErrorResponse(error);
        }
    }
}
