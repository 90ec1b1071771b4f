namespace CloudFrontInvalidations.Usage
{
    /// <summary>
    /// What an invalidation path is, as CloudFront bills and limits it: an item starting with '#' is a cache tag;
    /// a path ending in '*' is a wildcard path ('*' anywhere else is a literal character). Each counts as one path
    /// on the bill; in progress, tags count with the file paths (3,000) and wildcards separately (15).
    /// </summary>
    internal static class PathKinds
    {
        internal static bool IsTag(string path) => path.Length > 0 && path[0] == '#';

        internal static bool IsWildcard(string path) => !IsTag(path) && path.Length > 0 && path[path.Length - 1] == '*';
    }
}
