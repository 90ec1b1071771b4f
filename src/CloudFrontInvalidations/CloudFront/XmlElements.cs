using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Element-by-element reading of CloudFront's XML bodies, shared by every operation's result reader.</summary>
    internal static class XmlElements
    {
        // As the SDK's own reader: no DTD processing, nothing but elements and text.
        internal static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        /// <summary>
        /// Calls <paramref name="readChild"/> with the name of each direct child element of the element the
        /// reader is on, then leaves the reader just past that element. A child the callback does not read
        /// (with the Read* helpers or a nested walk) is skipped whole, with everything it contains.
        /// </summary>
        internal static void ForEachChildElement(XmlReader reader, Action<string> readChild)
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
        /// The <paramref name="itemName"/> children of a list element (such as Items), each read with
        /// <paramref name="readItem"/>; null for a list element with no such child, as the SDK leaves a response without Items.
        /// </summary>
        internal static List<T>? ReadItems<T>(XmlReader reader, string itemName, Func<XmlReader, T> readItem)
        {
            List<T>? items = null;
            ForEachChildElement(reader, name =>
            {
                if (name == itemName) (items ??= new List<T>()).Add(readItem(reader));
            });
            return items;
        }

        /// <summary>The element's text; null for a self-closing element, as the SDK's context reads it.</summary>
        internal static string? ReadString(XmlReader reader)
        {
            if (!reader.IsEmptyElement) return reader.ReadElementContentAsString();
            reader.Read();
            return null;
        }

        internal static int? ReadInt(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0 ? int.Parse(text, CultureInfo.InvariantCulture) : (int?)null;

        /// <summary>bool.Parse, as the SDK's own: "true" and "True" both read.</summary>
        internal static bool? ReadBool(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0 ? bool.Parse(text) : (bool?)null;

        /// <summary>CloudFront writes UTC ("...Z"); a time without a zone is taken as UTC too.</summary>
        internal static DateTime ReadUtcTime(XmlReader reader) =>
            ReadString(reader) is string text && text.Length > 0
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : default;
    }
}
