# Test double of Microsoft.PowerShell.SecretManagement 1.1.2 for the NotionPS test suite.
# It has the module's name so that NotionPS's module-qualified calls reach it; it is never shipped.
@{
    RootModule        = 'Microsoft.PowerShell.SecretManagement.psm1'
    ModuleVersion     = '1.1.2'
    GUID              = '0d4c3c2e-8d0f-4f57-9a55-2f3a7f0e9b11'
    Author            = 'NotionPS contributors'
    Description       = 'In-memory test double of Microsoft.PowerShell.SecretManagement 1.1.2 (NotionPS tests only).'
    PowerShellVersion = '5.1'
    FunctionsToExport = @(
        'Get-Secret', 'Set-Secret', 'Get-SecretInfo', 'Remove-Secret', 'Get-SecretVault', 'Test-SecretVault',
        'Reset-SecretDouble', 'Add-SecretDoubleVault', 'Set-SecretDoubleVault'
    )
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
