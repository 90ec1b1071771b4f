using System;
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

        /// <summary>Loads the cmdlet assembly into a new context, for Import-Module -Assembly.</summary>
        public static Assembly LoadCmdletAssembly(string moduleFolder)
        {
            var context = new ModuleLoadContext(Path.Combine(moduleFolder, DependencyFolderName));
            return context.LoadFromAssemblyPath(Path.Combine(moduleFolder, CmdletAssemblyFileName));
        }

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
