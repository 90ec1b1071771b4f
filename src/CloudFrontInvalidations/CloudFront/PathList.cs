using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// An invalidation's paths, in the service's order. A list to PowerShell (Where-Object -contains, ConvertTo-Json
    /// arrays, indexing); as text, one path a line (a path may hold spaces and commas, never a line break), which is
    /// what Export-Csv and ConvertTo-Csv put in the Paths cell, as the list view shows them.
    /// </summary>
    public sealed class PathList : ReadOnlyCollection<string>
    {
        internal PathList(IList<string> paths) : base(paths) { }

        public override string ToString() => string.Join(Environment.NewLine, this);
    }
}
