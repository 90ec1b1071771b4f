using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Completion
{
    /// <summary>
    /// Completes -DistributionId with the ids of the account's distributions, asking with the endpoint, region
    /// and credentials already typed on the command line, then what AWS.Tools stored in the session (read in the
    /// prompt's runspace, where completion runs), resolved as the command itself would; the tooltip shows the
    /// domain name and comment.
    /// </summary>
    internal sealed class DistributionIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = CompletionText.Unquote(wordToComplete);
            var shell = AwsToolsShellDefaults.Read(PromptVariable);
            // Only ids the parameter accepts are offered: an id is inserted into the command line as it is, so one with a
            // space, quote, ';' or newline could change the command; such a distribution is left out.
            return DistributionCache.Get(SessionParameters.FromBound(fakeBoundParameters), shell)
                .Where(distribution => IdRule.Distribution.Accepts(distribution.Id)
                    && distribution.Id!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(distribution => distribution.Id, StringComparer.OrdinalIgnoreCase)
                .Select(distribution => new CompletionResult(distribution.Id, distribution.Id,
                    CompletionResultType.ParameterValue, ToolTip(distribution)))
                .ToList();
        }

        /// <summary>The domain name and comment, as the service sent them but fit to show (no control characters, cut); the id without them.</summary>
        private static string ToolTip(DistributionSummary distribution)
        {
            var text = ResponseText.Clean(string.IsNullOrEmpty(distribution.Comment)
                ? distribution.DomainName
                : $"{distribution.DomainName} - {distribution.Comment}");
            return string.IsNullOrEmpty(text) ? distribution.Id! : text!;
        }

        /// <summary>
        /// A variable of the prompt's session. Completion runs on the prompt's own pipeline, which the runspace's
        /// SessionStateProxy refuses as busy; a nested command in the current runspace reads it. Nothing on failure:
        /// a completer that throws is replaced by file name completion.
        /// </summary>
        private static object? PromptVariable(string name)
        {
            try
            {
                using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
                shell.AddCommand("Get-Variable").AddParameter("Name", name).AddParameter("ValueOnly").AddParameter("ErrorAction", ActionPreference.Ignore);
                return shell.Invoke().FirstOrDefault()?.BaseObject;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
