using System.Net;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>What went wrong with an answer, in the words the error records and debug lines share.</summary>
    internal static class ResponseDescriptions
    {
        /// <summary>"HTTP 502 (Bad Gateway)": the status with its standard reason phrase.</summary>
        internal static string Status(HttpStatusCode statusCode)
        {
            var name = statusCode.ToString();
            if (int.TryParse(name, out _)) return $"HTTP {(int)statusCode}";
            // The enum's names are the reason phrases in PascalCase: BadGateway -> Bad Gateway, OK -> OK.
            var phrase = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1])) phrase.Append(' ');
                phrase.Append(name[i]);
            }
            return $"HTTP {(int)statusCode} ({phrase})";
        }

        /// <summary>"HTTP 200 (OK) with a body that could not be read: IsTruncated: 'yes' is not a boolean."</summary>
        internal static string Unreadable(AmazonUnmarshallingException unreadable) =>
            $"{Status(unreadable.StatusCode)} with a body that could not be read: {unreadable.InnerException?.Message ?? unreadable.Message}";
    }
}
