using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Reads the InvalidationList XML as it streams in, and turns error bodies into the typed CloudFront
    /// exceptions.
    /// </summary>
    /// <remarks>
    /// Success bodies are read with a plain forward-only <see cref="XmlReader"/> over the context's stream
    /// rather than through the context's own Read/TestExpression: the context rebuilds its whole element
    /// path as a string on every node, which made unmarshalling most of the client's time per page
    /// (see bench/results.md). Error bodies are rare and keep the SDK's error unmarshaller.
    /// </remarks>
    internal sealed class ListInvalidationsUnmarshaller : XmlResponseUnmarshaller
    {
        internal static readonly ListInvalidationsUnmarshaller Instance = new ListInvalidationsUnmarshaller();

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

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
        {
            var response = new ListInvalidationsResponse();
            if (context.IsEmptyResponse) return response;

            using (var reader = XmlReader.Create(context.Stream, ReaderSettings))
            {
                if (reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "InvalidationList")
                {
                    var list = new InvalidationList();
                    ReadChildren(reader, list, ReadListMember);
                    response.InvalidationList = list;
                }
            }
            return response;
        }

        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context,
            Exception innerException, HttpStatusCode statusCode)
        {
            var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
            error.InnerException = innerException;
            error.StatusCode = statusCode;
            return CloudFrontServiceException.FromErrorResponse(error);
        }

        private static void ReadListMember(XmlReader reader, InvalidationList list)
        {
            switch (reader.LocalName)
            {
                case "Marker": list.Marker = ReadString(reader); break;
                case "NextMarker": list.NextMarker = ReadString(reader); break;
                case "MaxItems": list.MaxItems = ReadInt(reader); break;
                case "IsTruncated": list.IsTruncated = ReadBool(reader); break;
                case "Quantity": list.Quantity = ReadInt(reader); break;
                case "Items": ReadChildren(reader, list.Items ??= new List<InvalidationSummary>(), ReadItem); break;
                default: reader.Skip(); break;
            }
        }

        private static void ReadItem(XmlReader reader, List<InvalidationSummary> items)
        {
            if (reader.LocalName != "InvalidationSummary")
            {
                reader.Skip();
                return;
            }
            var summary = new InvalidationSummary();
            ReadChildren(reader, summary, ReadSummaryMember);
            items.Add(summary);
        }

        private static void ReadSummaryMember(XmlReader reader, InvalidationSummary summary)
        {
            switch (reader.LocalName)
            {
                case "Id": summary.Id = ReadString(reader); break;
                case "Status": summary.Status = ReadString(reader); break;
                case "CreateTime": summary.CreateTime = ReadUtcTime(reader); break;
                default: reader.Skip(); break;
            }
        }

        /// <summary>
        /// Hands each child element of the element the reader is on to <paramref name="readChild"/>, which
        /// must consume it whole, and leaves the reader just past the element's end.
        /// </summary>
        private static void ReadChildren<T>(XmlReader reader, T target, Action<XmlReader, T> readChild)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }
            reader.Read();
            while (reader.MoveToContent() != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element) readChild(reader, target);
                else reader.Skip();
            }
            reader.Read();
        }

        // <Marker/> is absent (null), as the SDK's context reads it; <Marker></Marker> is "".
        private static string? ReadString(XmlReader reader)
        {
            if (!reader.IsEmptyElement) return reader.ReadElementContentAsString();
            reader.Read();
            return null;
        }

        private static int? ReadInt(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0 ? int.Parse(text, CultureInfo.InvariantCulture) : (int?)null;

        // bool.Parse, as the SDK: "true" and "True" both read.
        private static bool? ReadBool(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0 ? bool.Parse(text) : (bool?)null;

        // CloudFront writes UTC ("...Z"); a time without a zone is taken as UTC too.
        private static DateTime ReadUtcTime(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : default;
    }
}
