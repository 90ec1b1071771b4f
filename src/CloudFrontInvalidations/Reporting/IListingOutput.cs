using System.Management.Automation;

namespace CloudFrontInvalidations.Reporting
{
    /// <summary>
    /// The non-object streams a listing reports to. A cmdlet implements it as it is (PSCmdlet has
    /// these very methods); every call must come from the pipeline thread.
    /// </summary>
    internal interface IListingOutput
    {
        void WriteProgress(ProgressRecord progressRecord);
        void WriteVerbose(string text);
        void WriteDebug(string text);
    }
}
