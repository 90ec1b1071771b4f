namespace CloudFrontInvalidations
{
    internal static class ModuleVersion
    {
        /// <summary>The assembly's informational version, set by the build from the manifest.</summary>
        internal static readonly string Current =
            typeof(ModuleVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
