using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CloudFrontInvalidations.Loader
{
    /// <summary>
    /// PowerShell runs this when it imports the manifest's nested module, before the root module (the cmdlets,
    /// CloudFrontInvalidations.Commands.dll, in PowerShell's own load context). From then on the cmdlets'
    /// CloudFrontInvalidations.dll and the AWS SDK it uses load from the module's folder: on PowerShell 7 into the
    /// module's own load context, so that another module's AWSSDK.Core in the same session (AWS.Tools, whose
    /// assembly version is also 4.0.0.0) neither replaces ours nor is replaced by it.
    /// Compiled code rather than a script module, which a cold pwsh would parse and compile at every import.
    /// </summary>
    public sealed class ModuleImport : IModuleAssemblyInitializer
    {
        /// <summary>The folder, beside the manifest, that holds CloudFrontInvalidations.dll and its dependencies.</summary>
        internal const string DependencyFolderName = "dependencies";

        private static readonly object Gate = new object();
        private static bool _registered;

        public void OnImport()
        {
            lock (Gate)
            {
                // Import-Module -Force imports this again; the assemblies already loaded stay the ones used.
                if (_registered) return;
                var moduleFolder = Path.GetDirectoryName(typeof(ModuleImport).Assembly.Location)!;
                if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
                    RegisterForWindowsPowerShell(Path.Combine(moduleFolder, DependencyFolderName));
                else
                    RegisterForPowerShell7(moduleFolder);
                _registered = true;
            }
        }

        // Apart, and never inlined: .NET Framework cannot load AssemblyLoadContext, from which ModuleLoadContext derives.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterForPowerShell7(string moduleFolder) => ModuleLoadContext.Register(moduleFolder);

        /// <summary>
        /// Windows PowerShell has one load context: the dependencies load from the module's folder by name when the
        /// cmdlets first need them (.NET Framework refuses the ReadyToRun images, which are built for .NET).
        /// </summary>
        private static void RegisterForWindowsPowerShell(string dependencyFolder) =>
            AppDomain.CurrentDomain.AssemblyResolve += (sender, request) =>
            {
                var path = Path.Combine(dependencyFolder, new AssemblyName(request.Name).Name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
    }
}
