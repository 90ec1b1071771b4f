using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace CloudFrontInvalidations.Loader
{
    /// <summary>
    /// The module's own AssemblyLoadContext on PowerShell 7: CloudFrontInvalidations.dll and its AWS SDK
    /// assemblies live here. Framework assemblies (System.*, System.Management.Automation) still come from
    /// PowerShell's default context, so types shared with the engine and the cmdlets stay the same types.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private const string EngineAssemblyName = "CloudFrontInvalidations";
        private const string PrivateAssemblyPrefix = "AWSSDK.";

        private readonly string _assemblyFolder;

        private ModuleLoadContext(string assemblyFolder)
        {
            _assemblyFolder = assemblyFolder;
            // A dependency the default context cannot supply (a System.* package the framework lacks).
            Resolving += (context, name) => LoadFromFolder(name);
        }

        /// <summary>
        /// When the cmdlets (default context) first need CloudFrontInvalidations.dll, the default context cannot find
        /// it (it is not beside them) and asks here. Its assemblies come from ReadyToRun/&lt;runtime identifier&gt;/
        /// where build.ps1 staged images precompiled for this platform (a cold start JIT-compiles less; they keep
        /// their IL), otherwise from dependencies/.
        /// </summary>
        internal static void Register(string moduleFolder)
        {
            var readyToRunFolder = Path.Combine(moduleFolder, "ReadyToRun", RuntimeIdentifier());
            var context = new ModuleLoadContext(Directory.Exists(readyToRunFolder)
                ? readyToRunFolder
                : Path.Combine(moduleFolder, ModuleImport.DependencyFolderName));
            var engine = context.LoadFromFolder(new AssemblyName(EngineAssemblyName));
            Default.Resolving += (defaultContext, name) => name.Name == EngineAssemblyName ? engine : null;
            MakePublicTypesNameable(engine);
        }

        /// <summary>
        /// PowerShell resolves a type name (<c>catch [CloudFrontInvalidations.CloudFront.NoSuchDistributionException]</c>,
        /// <c>-is [CloudFrontInvalidations.CloudFront.InvalidationSummary]</c>) only among the assemblies of its default
        /// load context; its type accelerators, the way about_Classes_and_Modules exports types, reach ours. Each public
        /// type is added under its full name (PowerShell has no public API for it, hence reflection).
        /// </summary>
        private static void MakePublicTypesNameable(Assembly? engine)
        {
            var add = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators")
                ?.GetMethod("Add", new[] { typeof(string), typeof(Type) });
            if (engine == null || add == null) return;
            foreach (var type in engine.GetExportedTypes()) add.Invoke(null, new object[] { type.FullName!, type });
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name != null && assemblyName.Name.StartsWith(PrivateAssemblyPrefix, StringComparison.OrdinalIgnoreCase)
                ? LoadFromFolder(assemblyName)
                : null; // the default context: the framework's and PowerShell's own assemblies

        private Assembly? LoadFromFolder(AssemblyName assemblyName)
        {
            var path = Path.Combine(_assemblyFolder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        /// <summary>RuntimeInformation.RuntimeIdentifier ("linux-x64"), which .NET has but netstandard2.0 does not declare.</summary>
        private static string RuntimeIdentifier() =>
            typeof(RuntimeInformation).GetProperty("RuntimeIdentifier")?.GetValue(null) as string ?? "";
    }
}
