using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CloudFrontInvalidations.Loader
{
    /// <summary>
    /// The module's own AssemblyLoadContext on PowerShell 7: CloudFrontInvalidations.dll and its AWS SDK
    /// assemblies live here, so another AWSSDK.Core 4.x already loaded in the session (AWS.Tools, whose
    /// assembly version is also 4.0.0.0) neither replaces ours nor is replaced by it. Framework assemblies
    /// (System.*, System.Management.Automation) still come from PowerShell's default context, so types
    /// shared with the engine stay the same types.
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        /// <summary>The folder, beside the manifest, that holds the module's dependencies.</summary>
        public const string DependencyFolderName = "dependencies";
        private const string CmdletAssemblyFileName = "CloudFrontInvalidations.dll";
        private const string PrivateAssemblyPrefix = "AWSSDK.";

        private readonly string _dependencyFolder;

        private ModuleLoadContext(string dependencyFolder)
        {
            _dependencyFolder = dependencyFolder;
            // A dependency the default context cannot supply (a System.* package the framework lacks).
            Resolving += (context, name) => LoadFromDependencies(name);
        }

        private static readonly ConcurrentDictionary<string, Assembly> CmdletAssemblies =
            new ConcurrentDictionary<string, Assembly>(StringComparer.Ordinal);

        /// <summary>
        /// The cmdlet assembly of this module folder, for Import-Module -Assembly: loaded into a new context the
        /// first time, the same assembly on every later import (Import-Module -Force), as with a plain binary module.
        /// </summary>
        public static Assembly LoadCmdletAssembly(string moduleFolder) =>
            CmdletAssemblies.GetOrAdd(Path.GetFullPath(moduleFolder), folder =>
                new ModuleLoadContext(Path.Combine(folder, DependencyFolderName))
                    .LoadFromAssemblyPath(Path.Combine(folder, CmdletAssemblyFileName)));

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name != null && assemblyName.Name.StartsWith(PrivateAssemblyPrefix, StringComparison.OrdinalIgnoreCase)
                ? LoadFromDependencies(assemblyName)
                : null; // the default context: the framework's and PowerShell's own assemblies

        private Assembly? LoadFromDependencies(AssemblyName assemblyName)
        {
            var path = Path.Combine(_dependencyFolder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
