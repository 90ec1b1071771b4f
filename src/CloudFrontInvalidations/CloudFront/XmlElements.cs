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
        /// Calls <paramref name="readChild"/> with the reader, the name of each direct child element of the element the
        /// reader is on and <paramref name="target"/>, then leaves the reader just past that element and returns the
        /// target. A child the callback does not read (with the Read* helpers or a nested walk) is skipped whole, with
        /// everything it contains. The target is passed rather than captured, so that a static callback allocates
        /// nothing per element: a page holds 100 items.
        /// </summary>
        internal static T ReadChildElements<T>(XmlReader reader, T target, Action<XmlReader, string, T> readChild)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return target;
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
                readChild(reader, reader.LocalName, target);
                if (reader.NodeType == XmlNodeType.Element && position.LineNumber == line && position.LinePosition == column)
                    reader.Skip();
            }
            reader.Read();
            return target;
        }

        /// <summary>
        /// The <paramref name="itemName"/> children of a list element (such as Items), each read with
        /// <paramref name="readItem"/>; null for a list element with no such child, as the SDK leaves a response without Items.
        /// </summary>
        internal static List<T>? ReadItems<T>(XmlReader reader, string itemName, Func<XmlReader, T> readItem) =>
            ReadChildElements(reader, new ItemList<T>(itemName, readItem), static (xml, name, list) =>
            {
                if (name == list.ItemName) (list.Items ??= new List<T>()).Add(list.ReadItem(xml));
            }).Items;

        private sealed record ItemList<T>(string ItemName, Func<XmlReader, T> ReadItem)
        {
            internal List<T>? Items { get; set; }
        }

        /// <summary>
        /// <paramref name="read"/>'s value for an element that must come once: <paramref name="current"/> already set means it
        /// came before, and the body is refused rather than half read.
        /// </summary>
        /// <exception cref="RepeatedElementException">The element came before.</exception>
        internal static T Once<T>(XmlReader reader, object? current, Func<XmlReader, T> read)
        {
            if (current != null) throw new RepeatedElementException(reader.LocalName);
            return read(reader);
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
                TryParseCanonicalUtc(text, out var time) ? time
                : decimal.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out var epochSeconds)
                    ? AWSSDKUtils.ConvertFromUnixDecimalEpochSeconds(epochSeconds)
                    : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

        /// <summary>
        /// CloudFront's own form, yyyy-MM-ddTHH:mm:ss with 0 to 7 fraction digits and Z, read digit by digit: the general
        /// parsers cost more than the rest of an item together. Anything else (an offset, more digits, epoch seconds, a
        /// value out of range) is left to them, so what they accept or reject stays the rule.
        /// </summary>
        private static bool TryParseCanonicalUtc(string text, out DateTime time)
        {
            time = default;
            var length = text.Length;
            if (length < 20 || length == 21 || length > 28 || text[length - 1] != 'Z' || text[4] != '-' || text[7] != '-'
                || text[10] != 'T' || text[13] != ':' || text[16] != ':' || (length > 20 && text[19] != '.'))
                return false;
            if (!TryReadDigits(text, 0, 4, out var year) || !TryReadDigits(text, 5, 2, out var month) || !TryReadDigits(text, 8, 2, out var day)
                || !TryReadDigits(text, 11, 2, out var hour) || !TryReadDigits(text, 14, 2, out var minute) || !TryReadDigits(text, 17, 2, out var second))
                return false;
            var fractionDigits = length > 20 ? length - 21 : 0;
            var fraction = 0;
            if (fractionDigits > 0 && !TryReadDigits(text, 20, fractionDigits, out fraction)) return false;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                return false;
            var ticks = fraction * TicksPerFractionDigits[fractionDigits];
            time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
            return true;
        }

        // Ticks per unit of a fraction of n digits (7 digits are ticks).
        private static readonly long[] TicksPerFractionDigits = { 0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

        private static bool TryReadDigits(string text, int start, int count, out int value)
        {
            value = 0;
            for (var index = start; index < start + count; index++)
            {
                var digit = text[index] - '0';
                if (digit < 0 || digit > 9) return false;
                value = value * 10 + digit;
            }
            return true;
        }

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
