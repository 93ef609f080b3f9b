param([string] $Configuration = 'Debug')

# Uses the repository's in-memory double of Microsoft.PowerShell.SecretManagement 1.1.2
# (tests/SecretManagementDouble), so no real vault is touched.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Import-Module (Join-Path $RepositoryRoot 'tests/SecretManagementDouble/Microsoft.PowerShell.SecretManagement/Microsoft.PowerShell.SecretManagement.psd1') -Force
    $fullAccess = ConvertTo-SecureString $Demo.FullAccessToken -AsPlainText -Force
    $readOnly = ConvertTo-SecureString $Demo.ReadOnlyToken -AsPlainText -Force
}

AfterAll {
    Reset-SecretDouble
    Remove-Module Microsoft.PowerShell.SecretManagement
    Stop-TestEnvironment
}

Describe 'Register-NotionIntegration' {
    BeforeEach {
        Reset-SecretDouble
        Add-SecretDoubleVault -Name Store
    }

    It 'checks the token with Notion and stores it as NotionPS-Demo (the prefix and the name) in the default vault' {
        $registration = Register-NotionIntegration -Name Demo -Token $fullAccess -BaseUri $Emulator.BaseUri

        $registration | Should -BeOfType ([NotionPS.NotionIntegration])
        $registration.Vault | Should -Be 'Store'
        $registration.SecretName | Should -Be 'NotionPS-Demo'
        $registration.BotName | Should -Be 'NotionPS Demo'
        $registration.WorkspaceName | Should -Be 'Acme Demo'
        Get-Secret -Name NotionPS-Demo -Vault Store | Should -BeOfType ([securestring])
    }

    It 'stores nothing for a token Notion refuses' {
        $revoked = ConvertTo-SecureString 'demo-token-revoked' -AsPlainText -Force

        { Register-NotionIntegration -Name Demo -Token $revoked -BaseUri $Emulator.BaseUri } |
            Should -Throw -ErrorId 'NotionUnauthorized,NotionPS.Cmdlets.RegisterNotionIntegrationCommand'
        Get-SecretInfo | Should -BeNullOrEmpty
    }

    It 'replaces a registration only with -Force' {
        Register-NotionIntegration -Name Demo -Token $readOnly -BaseUri $Emulator.BaseUri | Out-Null

        { Register-NotionIntegration -Name Demo -Token $fullAccess -BaseUri $Emulator.BaseUri } |
            Should -Throw -ErrorId 'NotionIntegrationExists,NotionPS.Cmdlets.RegisterNotionIntegrationCommand'
        (Register-NotionIntegration -Name Demo -Token $fullAccess -BaseUri $Emulator.BaseUri -Force).BotName | Should -Be 'NotionPS Demo'
    }

    It 'checks the token but stores nothing with -WhatIf' {
        Register-NotionIntegration -Name Demo -Token $fullAccess -BaseUri $Emulator.BaseUri -WhatIf

        Get-SecretInfo | Should -BeNullOrEmpty
    }

    It 'refuses a name that is not a legal secret name everywhere' {
        { Register-NotionIntegration -Name 'bad name!' -Token $fullAccess } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,NotionPS.Cmdlets.RegisterNotionIntegrationCommand'
    }
}

Describe 'Connect-NotionIntegration from a vault' {
    BeforeAll {
        Reset-SecretDouble
        Add-SecretDoubleVault -Name Store
        Add-SecretDoubleVault -Name Team
        Register-NotionIntegration -Name Demo -Token $fullAccess -BaseUri $Emulator.BaseUri | Out-Null
        Register-NotionIntegration -Name Reporter -Token $readOnly -Vault Team -BaseUri $Emulator.BaseUri -ApiVersion 2022-06-28 | Out-Null
        Set-Secret -Name NotionToken -Secret $fullAccess -Vault Team
    }

    AfterEach {
        Disconnect-NotionIntegration
    }

    It 'connects by name with the registered base URI and API version' {
        $connection = Connect-NotionIntegration -Name Reporter

        $connection.BotName | Should -Be 'Read-only Reporter'
        $connection.ApiVersion | Should -Be '2022-06-28'
        $connection.BaseUri | Should -Be $Emulator.BaseUri
    }

    It 'connects with a secret stored by other means' {
        (Connect-NotionIntegration -Vault Team -SecretName NotionToken -BaseUri $Emulator.BaseUri).BotName | Should -Be 'NotionPS Demo'
    }

    It 'says when no registration has the name' {
        { Connect-NotionIntegration -Name Nobody } | Should -Throw -ErrorId 'NotionIntegrationNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
    }

    It 'has the sets Name and Vault' {
        $sets = (Get-Command Connect-NotionIntegration).ParameterSets.Name
        $sets | Should -Contain 'Name'
        $sets | Should -Contain 'Vault'
    }
}

Describe 'Get-NotionIntegration and Unregister-NotionIntegration' {
    BeforeEach {
        Reset-SecretDouble
        Add-SecretDoubleVault -Name Store
        Register-NotionIntegration -Name Acme -Token $fullAccess -BaseUri $Emulator.BaseUri | Out-Null
        Register-NotionIntegration -Name AcmeReporting -Token $readOnly -BaseUri $Emulator.BaseUri | Out-Null
    }

    It 'lists registrations by wildcard without reading a token' {
        (Get-NotionIntegration -Name Acme*).Name | Should -Be @('Acme', 'AcmeReporting')
    }

    It 'writes NotionIntegrationNotFound for a name without wildcards that matches nothing' {
        { Get-NotionIntegration -Name Nobody -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionIntegrationNotFound,NotionPS.Cmdlets.GetNotionIntegrationCommand'
        Get-NotionIntegration -Name Nobody* | Should -BeNullOrEmpty
    }

    It 'unregisters what Get-NotionIntegration pipes to it' {
        Get-NotionIntegration -Name AcmeReporting | Unregister-NotionIntegration -Confirm:$false

        (Get-NotionIntegration).Name | Should -Be 'Acme'
    }

    It 'removes nothing with -WhatIf' {
        Unregister-NotionIntegration -Name Acme -WhatIf

        @(Get-NotionIntegration).Count | Should -Be 2
    }

    It 'asks before removing a token' {
        (Get-Command Unregister-NotionIntegration).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'High'
    }

    It 'shows registrations with their own view' {
        Get-FormatData -TypeName NotionPS.NotionIntegration | Should -Not -BeNullOrEmpty
    }
}

Describe 'A vault that cannot answer (as SecretStore 1.0.6 behaves without a console)' {
    BeforeEach {
        Reset-SecretDouble
        Add-SecretDoubleVault -Name Store
        Register-NotionIntegration -Name Demo -Token $fullAccess -BaseUri $Emulator.BaseUri | Out-Null
    }

    It 'reports a password prompt that ends <PromptEndsIn> as SecretVaultLocked, naming the vault and the secret' -ForEach @(
        @{ PromptEndsIn = 'Stopped' }
        @{ PromptEndsIn = 'Failed' }
    ) {
        Set-SecretDoubleVault Store -Locked $true -Interaction Prompt -PromptEndsIn $PromptEndsIn

        $failure = { Connect-NotionIntegration -Name Demo } | Should -Throw -ErrorId 'SecretVaultLocked,NotionPS.Cmdlets.ConnectNotionIntegrationCommand' -PassThru
        $failure.ErrorDetails.Message | Should -BeLike "*vault 'Store'*secret 'NotionPS-Demo'*Unlock-SecretStore*"
        Get-NotionIntegration -ErrorVariable listing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $listing.FullyQualifiedErrorId | Should -Be 'SecretVaultLocked,NotionPS.Cmdlets.GetNotionIntegrationCommand'
    }

    It 'still lists registrations after a password timeout, but reads no token' {
        Set-SecretDoubleVault Store -PasswordTimedOut $true

        (Get-NotionIntegration).Name | Should -Be 'Demo'
        { Connect-NotionIntegration -Name Demo } | Should -Throw -ErrorId 'SecretVaultLocked,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
    }

    It 'checks the vault before the token: a vault that cannot store it is reported first' {
        Set-SecretDoubleVault Store -PasswordTimedOut $true
        $revoked = ConvertTo-SecureString 'demo-token-revoked' -AsPlainText -Force

        { Register-NotionIntegration -Name Other -Token $revoked -BaseUri $Emulator.BaseUri } |
            Should -Throw -ErrorId 'SecretVaultLocked,NotionPS.Cmdlets.RegisterNotionIntegrationCommand'
    }
}
