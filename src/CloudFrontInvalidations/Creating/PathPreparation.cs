using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// Checks and encodes the paths of an invalidation before any request (CloudFront's developer guide, "Specifying the
    /// files to invalidate"): a path starts with '/', an item starting with '#' is a cache tag; '~' is not supported;
    /// '*' is a wildcard only at the end. The same path given twice is sent once: it would be billed twice.
    /// </summary>
    internal static class PathPreparation
    {
        internal static PreparedPaths Prepare(IEnumerable<string?> given)
        {
            var paths = new List<InvalidationPath>();
            var problems = new List<InvalidPathException>();
            var warnings = new List<string>();
            // Paths are case-sensitive; tags are not.
            var sentPaths = new HashSet<string>(StringComparer.Ordinal);
            var sentTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var duplicates = 0;
            foreach (var path in given)
            {
                if (Check(path ?? string.Empty, out var prepared) is string reason)
                {
                    problems.Add(new InvalidPathException(path ?? string.Empty, reason));
                    continue;
                }
                if (!(prepared!.Kind == PathKind.Tag ? sentTags : sentPaths).Add(prepared.Sent))
                {
                    duplicates++;
                    continue;
                }
                var star = prepared.Given.IndexOf('*');
                if (star >= 0 && star < prepared.Given.Length - 1)
                {
                    warnings.Add($"'{prepared.Sent}': CloudFront treats '*' as a wildcard only at the end of a path; here it matches a literal '*'.");
                }
                paths.Add(prepared);
            }
            return new PreparedPaths(paths, problems, warnings, duplicates);
        }

        /// <summary>Null when the path is valid (then <paramref name="prepared"/> is set); otherwise why not.</summary>
        private static string? Check(string path, out InvalidationPath? prepared)
        {
            prepared = null;
            var kind = InvalidationLimits.KindOf(path);
            if (kind == PathKind.Tag) return CheckTag(path, out prepared);
            if (!path.StartsWith("/", StringComparison.Ordinal))
                return "does not start with '/': a path is the part of the URL after the domain name, such as '/images/logo.png' (a cache tag starts with '#').";
            if (path.IndexOf('~') >= 0) return "contains '~', which CloudFront does not support in invalidation paths.";
            for (var i = 0; i < path.Length; i++)
            {
                if (char.IsSurrogate(path[i]) && !(char.IsHighSurrogate(path[i]) && i + 1 < path.Length && char.IsLowSurrogate(path[++i])))
                    return "is not valid Unicode text (a lone surrogate character).";
            }
            var sent = PathEncoding.Encode(path);
            if (sent.Length > InvalidationLimits.MaxPathLength)
                return $"is {sent.Length} characters long as sent (encoded); CloudFront allows at most {InvalidationLimits.MaxPathLength}.";
            prepared = new InvalidationPath(path, sent, kind);
            return null;
        }

        private static string? CheckTag(string tag, out InvalidationPath? prepared)
        {
            prepared = null;
            if (tag.Length == 1) return "is an empty cache tag: a tag is '#' followed by its name.";
            if (tag.Length > InvalidationLimits.MaxTagLength)
                return $"is a cache tag of {tag.Length} characters; CloudFront allows at most {InvalidationLimits.MaxTagLength}.";
            foreach (var c in tag)
            {
                if (c <= ' ' || c > '~') return "is a cache tag with a character that is not visible ASCII (a tag has no spaces and no accents).";
                if (c == ',') return "is a cache tag with a comma, which tags may not contain.";
                if (c == '*') return "is a cache tag with '*': tags have no wildcards.";
            }
            prepared = new InvalidationPath(tag, tag, PathKind.Tag);
            return null;
        }
    }
}
