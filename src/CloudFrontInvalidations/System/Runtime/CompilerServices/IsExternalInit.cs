namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The marker type the compiler needs for records and init-only setters; netstandard2.0 does not declare it.
    /// Internal, so it never meets the framework's own in an assembly that targets .NET.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
