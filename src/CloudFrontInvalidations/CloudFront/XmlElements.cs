using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using Amazon.Util;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Element-by-element reading of CloudFront's XML bodies, shared by every operation's result reader.</summary>
    internal static class XmlElements
    {
        // As the SDK's own reader: no DTD processing, nothing but elements and text. White space is kept, as the
        // SDK keeps it: an element of spaces is " ", which is not a boolean, not an empty element.
        internal static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
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

        /// <summary>The element's text: empty for an empty element, self-closing or not, as the SDK's context reads it.</summary>
        internal static string ReadString(XmlReader reader)
        {
            if (!reader.IsEmptyElement) return reader.ReadElementContentAsString();
            reader.Read();
            return string.Empty;
        }

        /// <summary>
        /// As the SDK's NullableIntUnmarshaller: int.Parse with the invariant culture, so surrounding white space
        /// and a sign are accepted and an empty element is not.
        /// </summary>
        internal static int ReadInt(XmlReader reader) =>
            ReadValue(reader, "an integer", text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));

        /// <summary>
        /// As the SDK's NullableBoolUnmarshaller: bool.Parse, so "true", "False" and " TRUE " read, "1" and "yes"
        /// do not, and an empty element is no value (null).
        /// </summary>
        internal static bool? ReadBool(XmlReader reader) =>
            ReadValue(reader, "a boolean", text => text.Length == 0 ? (bool?)null : bool.Parse(text));

        /// <summary>
        /// A timestamp as the SDK's NullableDateTimeUnmarshaller reads one, always in UTC: a number is epoch seconds
        /// (any fraction cut to the millisecond); anything else is parsed as a date and time with the invariant
        /// culture (ISO 8601 with any number of fraction digits, "Z" or an offset, RFC 1123 too), a time without
        /// a zone being UTC. An empty element is not a time.
        /// </summary>
        internal static DateTime ReadUtcTime(XmlReader reader) =>
            ReadValue(reader, "a timestamp (ISO 8601 or epoch seconds)", text =>
                decimal.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out var epochSeconds)
                    ? AWSSDKUtils.ConvertFromUnixDecimalEpochSeconds(epochSeconds)
                    : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

        // The element's name is taken before its text is read: reading moves the reader past the element.
        private static T ReadValue<T>(XmlReader reader, string expected, Func<string, T> parse)
        {
            var element = reader.LocalName;
            var text = ReadString(reader) ?? string.Empty;
            try
            {
                return parse(text);
            }
            catch (Exception notAValue) when (notAValue is FormatException || notAValue is OverflowException || notAValue is ArgumentOutOfRangeException)
            {
                throw new UnreadableElementException(element, text, expected, notAValue);
            }
        }
    }
}
