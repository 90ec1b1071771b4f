using System.Text;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// Percent-encodes a path as CloudFront's developer guide asks: non-ASCII characters (as UTF-8), control characters
    /// and the characters RFC 1738 calls unsafe; nothing else. '*' stays a wildcard, and a '%' that already starts an
    /// escape (%XX) is left alone, so an encoded path is never encoded twice. A '%' that starts no escape is unsafe
    /// itself and becomes %25.
    /// </summary>
    internal static class PathEncoding
    {
        // RFC 1738 section 2.2's unsafe characters, less '%' (handled apart) and '~' (refused before encoding).
        private const string Unsafe = " \"<>#{}|\\^`[]";

        internal static string Encode(string path)
        {
            StringBuilder? encoded = null;
            for (var i = 0; i < path.Length; i++)
            {
                var c = path[i];
                if (!MustEncode(path, i))
                {
                    encoded?.Append(c);
                    continue;
                }
                encoded ??= new StringBuilder(path, 0, i, path.Length + 16);
                var length = char.IsHighSurrogate(c) && i + 1 < path.Length ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(path.Substring(i, length)))
                    encoded.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                i += length - 1;
            }
            return encoded?.ToString() ?? path;
        }

        private const string HexDigits = "0123456789ABCDEF";

        private static bool MustEncode(string path, int i)
        {
            var c = path[i];
            if (c > 0x7E || c < 0x20) return true;
            if (c == '%') return !(i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]));
            return Unsafe.IndexOf(c) >= 0;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
