@{
    RootModule           = 'NotionPS.dll'
    # Stamped from Directory.Build.props when the build stages the module in out/NotionPS.
    ModuleVersion        = '0.0.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6c1f3a52-9d4e-4b8a-a7f2-3e5d9c0b1a47'
    Author               = 'NotionPS contributors'
    CompanyName          = 'NotionPS'
    Copyright            = '(c) NotionPS contributors. MIT licence.'
    Description          = 'Connect PowerShell to Notion: keep the integration token in a SecretManagement vault, check that a database is shared with the integration, turn database URLs into IDs, and read and write database rows from the pipeline.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('NotionPS.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-NotionIntegration'
        'Disconnect-NotionIntegration'
        'Get-NotionConnection'
        'Get-NotionDatabaseId'
        'Test-NotionDatabaseAccess'
        'Register-NotionIntegration'
        'Get-NotionIntegration'
        'Unregister-NotionIntegration'
        'Find-NotionDatabase'
        'Get-NotionDatabase'
        'Get-NotionDatabaseRow'
        'Add-NotionDatabaseRow'
        'Set-NotionDatabaseRow'
        'Remove-NotionDatabaseRow'
        'Invoke-NotionApi'
        'Add-NotionComment'
        'Get-NotionComment'
        'Move-NotionPage'
        'Remove-NotionPage'
        'Restore-NotionPage'
        'New-NotionPage'
        'Get-NotionPage'
        'Get-NotionPageContent'
        'Set-NotionPageContent'
        'New-NotionDatabase'
        'Get-NotionDatabaseSchema'
        'Set-NotionDatabaseSchema'
        'Sync-NotionDatabaseRow'
        'Send-NotionFile'
        'Save-NotionFile'
        'Export-NotionDatabase'
        'Import-NotionDatabase'
        'Set-NotionPage'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Notion', 'API', 'SecretManagement', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/notionps/NotionPS/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/notionps/NotionPS'
            ExternalModuleDependencies = @()
        }
    }
}
