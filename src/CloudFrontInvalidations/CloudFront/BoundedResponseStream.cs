using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// A response body read within the attempt's deadline and up to a size: every read, the synchronous ones the XML reader
    /// makes included, is a cancellable read of the connection, and a body longer than the operation can produce ends the
    /// read with the exception <c>tooLarge</c> builds. So what the server sends can neither hold the command nor fill memory.
    /// </summary>
    internal sealed class BoundedResponseStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _maxBytes;
        private readonly CancellationToken _deadline;
        private readonly Func<long, Exception> _tooLarge;
        private long _read;

        internal BoundedResponseStream(Stream inner, long maxBytes, CancellationToken deadline, Func<long, Exception> tooLarge)
        {
            _inner = inner;
            _maxBytes = maxBytes;
            _deadline = deadline;
            _tooLarge = tooLarge;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _deadline.ThrowIfCancellationRequested();
            // One byte more than allowed may be read, so that a body of exactly the limit is not refused.
            var wanted = (int)Math.Min(count, _maxBytes + 1 - _read);
            if (wanted <= 0) throw _tooLarge(_maxBytes);
            int read;
            if (!cancellationToken.CanBeCanceled)
            {
                read = await _inner.ReadAsync(buffer, offset, wanted, _deadline).ConfigureAwait(false);
            }
            else
            {
                using var both = CancellationTokenSource.CreateLinkedTokenSource(_deadline, cancellationToken);
                read = await _inner.ReadAsync(buffer, offset, wanted, both.Token).ConfigureAwait(false);
            }
            _read += read;
            if (_read > _maxBytes) throw _tooLarge(_maxBytes);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
