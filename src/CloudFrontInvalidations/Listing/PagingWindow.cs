namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// -Skip, -First and -IncludeTotalCount (SupportsPaging) over everything one invocation writes, across
    /// pages and pipeline inputs. Knows nothing of PowerShell.
    /// </summary>
    internal sealed class PagingWindow
    {
        private ulong _toSkip;
        private ulong _toWrite;

        public PagingWindow(ulong skip, ulong first)
        {
            _toSkip = skip;
            _toWrite = first;
        }

        /// <summary>-First objects were written: no further request is needed.</summary>
        public bool IsFull => _toWrite == 0;

        /// <summary>Objects offered so far, skipped or written or past -First: what -IncludeTotalCount reports.</summary>
        public ulong Seen { get; private set; }

        /// <summary>Objects written so far (neither skipped nor past -First).</summary>
        public ulong Written { get; private set; }

        /// <summary>
        /// True while every listing offered all its objects (it reached the last page). A listing cut short by
        /// -First, -NoAutoIteration, -Marker paging or a failure makes Seen a lower bound only: counting the rest
        /// would take the requests -First saves.
        /// </summary>
        public bool IsSeenExact { get; private set; } = true;

        /// <summary>Counts the object and says whether to write it.</summary>
        public bool Admit()
        {
            Seen++;
            if (_toSkip > 0)
            {
                _toSkip--;
                return false;
            }
            if (_toWrite == 0) return false;
            _toWrite--;
            Written++;
            return true;
        }

        /// <summary>Some objects were not offered (more pages, or an input not listed at all).</summary>
        public void MarkIncomplete() => IsSeenExact = false;
    }
}
