using System;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>A path that CloudFront would refuse or not invalidate as meant (ErrorId InvalidPath); nothing was sent.</summary>
    public sealed class InvalidPathException : ArgumentException
    {
        internal InvalidPathException(string path, string reason)
            : base($"'{Shorten(path)}' {reason}", "Path")
        {
            Path = path;
        }

        /// <summary>The path as given.</summary>
        public string Path { get; }

        // A 4,000-character path in every message would bury the reason.
        private static string Shorten(string path) => path.Length <= 120 ? path : path.Substring(0, 100) + "…" + path.Substring(path.Length - 10);
    }
}
