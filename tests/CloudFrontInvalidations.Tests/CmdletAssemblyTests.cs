using System.Linq;
using CloudFrontInvalidations.Commands;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class CmdletAssemblyTests
    {
        // PowerShell loads the cmdlets into its default load context, where another module's AWSSDK.Core may already be
        // (AWS.Tools): a reference of theirs to the SDK would bind to that copy instead of the module's own.
        [Fact]
        public void References_no_AWS_SDK_assembly_only_the_engine_that_uses_it()
        {
            var referenced = typeof(GetCFInvalidationListCommand).Assembly.GetReferencedAssemblies().Select(name => name.Name).ToList();

            Assert.Contains("CloudFrontInvalidations", referenced);
            Assert.DoesNotContain(referenced, name => name!.StartsWith("AWSSDK."));
        }
    }
}
