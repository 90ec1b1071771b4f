using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Completion
{
    /// <summary>
    /// Completes -DistributionId with the ids of the account's distributions, asking with the endpoint, region
    /// and credentials already typed on the command line (resolved as the command itself would); the tooltip
    /// shows the domain name and comment.
    /// </summary>
    internal sealed class DistributionIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = CompletionText.Unquote(wordToComplete);
            return DistributionCache.Get(SessionParameters.FromBound(fakeBoundParameters))
                .Where(distribution => !string.IsNullOrEmpty(distribution.Id)
                    && distribution.Id!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(distribution => distribution.Id, StringComparer.OrdinalIgnoreCase)
                .Select(distribution => new CompletionResult(distribution.Id, distribution.Id,
                    CompletionResultType.ParameterValue,
                    string.IsNullOrEmpty(distribution.Comment) ? distribution.DomainName ?? distribution.Id : $"{distribution.DomainName} - {distribution.Comment}"))
                .ToList();
        }
    }
}
