namespace LocalCloudFront;

/// <summary>
/// The paths of a generated invalidation: 1 to <see cref="MaxPaths"/> consecutive entries of a catalogue
/// that covers what a client must read correctly (wildcards, spaces, XML special characters, '#', '%',
/// non-ASCII), starting at a place that depends on (distribution key, index). "{n}" becomes the index,
/// so paths also differ between invalidations that start at the same place.
/// </summary>
public static class InvalidationPaths
{
    public const int MaxPaths = 5;

    private static readonly string[] Catalogue =
    [
        "/*",
        "/index.html",
        "/images/*",
        "/docs/read me {n}.txt",
        "/café/ménu.html",
        "/search?q=a&b=<c>&d=\"e\"'f'",
        "/assets/app.{n}.js",
        "/日本語/ページ{n}.html",
        "/products/item-{n}/*",
        "/docs/guide.html#install",
        "/100% done/Ünïcödé {n}.png",
    ];

    public static IReadOnlyList<string> For(uint distributionKey, int index)
    {
        // splitmix64's finaliser: consecutive indexes get unrelated counts and starts.
        ulong mixed = ((ulong)distributionKey << 32) | (uint)index;
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EB;
        mixed ^= mixed >> 31;

        int count = 1 + (int)(mixed % MaxPaths);
        int start = (int)(mixed / MaxPaths % (ulong)Catalogue.Length);
        string number = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(start, count)
            .Select(position => Catalogue[position % Catalogue.Length].Replace("{n}", number, StringComparison.Ordinal))
            .ToArray();
    }
}
