using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Amazon;

namespace CloudFrontInvalidations.Completion
{
    /// <summary>Completes -Region with the regions AWSSDK.Core knows, their display name as tooltip.</summary>
    internal sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = CompletionText.Unquote(wordToComplete);
            return RegionEndpoint.EnumerableAllRegions
                .Where(region => region.SystemName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(region => region.SystemName, StringComparer.Ordinal)
                .Select(region => new CompletionResult(region.SystemName, region.SystemName,
                    CompletionResultType.ParameterValue, region.DisplayName))
                .ToList();
        }
    }

    internal static class CompletionText
    {
        /// <summary>The word as typed so far, without the quote the user may have opened it with.</summary>
        public static string Unquote(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');
    }
}
