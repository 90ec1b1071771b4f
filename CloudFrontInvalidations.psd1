@{
    # The cmdlets; the nested module, imported first, makes their AWS SDK load from the module's own folder.
    RootModule           = 'CloudFrontInvalidations.Commands.dll'
    NestedModules        = @('CloudFrontInvalidations.Loader.dll')
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core', 'Desktop')
    GUID                 = '5b0f8a47-3c2e-4f51-9a2e-7d3c1c4e8b21'
    Author               = 'CloudFrontInvalidations contributors'
    CompanyName          = 'CloudFrontInvalidations'
    Copyright            = '(c) CloudFrontInvalidations contributors. Apache-2.0.'
    Description          = 'Lists Amazon CloudFront invalidation batches (ListInvalidations) with automatic paging, streamed output and typed errors, gets their paths (GetInvalidation), creates them safely (CreateInvalidation: paths checked and encoded, retries never duplicated, waiting for capacity, -WhatIf), waits until they are completed (Wait-CFInvalidation) and counts a month''s invalidation paths and their cost (Get-CFInvalidationUsage). A drop-in for AWS.Tools'' Get-CFInvalidationList, Get-CFInvalidation and New-CFInvalidation.'
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('CloudFrontInvalidations.format.ps1xml')
    TypesToProcess       = @('CloudFrontInvalidations.types.ps1xml')
    CmdletsToExport      = @('Get-CFInvalidation', 'Get-CFInvalidationList', 'Get-CFInvalidationUsage', 'New-CFInvalidation', 'Wait-CFInvalidation')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'CloudFront', 'Invalidation', 'CDN', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ReleaseNotes = '0.1.0, the first release: Get-CFInvalidationList (every page, time windows, several distributions or the whole account, tenants), Get-CFInvalidation (what an invalidation flushed), Wait-CFInvalidation (until completed, with a timeout), Get-CFInvalidationUsage (a month''s paths and their cost) and New-CFInvalidation (paths checked and encoded, retries never duplicated, waiting for capacity, -WhatIf, -Wait; the only write); typed errors; credentials as AWS.Tools finds them.'
        }
    }
}
