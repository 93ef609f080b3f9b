# In-memory test double of Microsoft.PowerShell.SecretManagement 1.1.2.
#
# Matched against the public source of PowerShell/SecretManagement: src/code/SecretManagement.cs and
# src/code/Utils.cs of the 1.1 line (the one with Unlock-SecretVault, Set-SecretInfo and
# Get-Secret -InputObject, from which 1.1.2 was released), and the 1.1.2 reference pages in
# learn-docs/Microsoft.PowerShell.SecretManagement/*.md (commits e4df84e and 16b9d88, May 2025).
# What is reproduced, per cmdlet: parameter names, types, sets, positions and pipeline binding;
# the error ids, categories and whether each error is terminating; the default vault searched
# first; strings returned as SecureString unless -AsPlainText; Set-Secret with -Metadata on a vault
# without metadata support failing with SetSecretMetadataCommandNotSupported and removing the
# secret; and a locked vault raising a PasswordRequiredException, which SecretManagement rethrows
# (terminating) except where it catches it (Get-Secret -Vault, Get-SecretInfo: non-terminating).
# Matched against SecretStore 1.0.6 as run for real: a vault whose password timed out in this
# process still lists secret information (only values and writes need the password); a locked
# vault whose Interaction is Prompt, in a host without console input, ends the call Stopped with
# no error record and no exception (the prompt meets closed input and stops the pipeline); where
# the host cannot prompt at all, the prompt throws a HostException, which ends the call Failed
# where SecretManagement lets it through and is an error record where it catches it (Get-SecretInfo,
# Get-Secret -Vault), as a PasswordRequiredException is. Remove-Secret of a missing
# secret fails with SecretStoreRemoveSecretFailed (an ItemNotFoundException), while other vault
# extensions report RemoveSecretInvalidOperation. Test-SecretVault runs the vault's write check; like Get-SecretVault,
# it takes a name without wildcard characters as it is (TestSecretVaultNotFound when no vault has it).
# Secret names are SecretStore's: one ignoring case, and Set-Secret of a name that differs only in case from a stored one
# replaces that secret under the new spelling (SecureStore.WriteBlob deletes the old blob and writes the new name). Other
# vaults differ (-NameCase): some keep the first spelling (Azure Key Vault), some take case-differing names as two secrets.
#
# State lives in the AppDomain, not the module, so a runspace that autoloads this module (the tab
# completers use one) sees the same vaults, as it would see the same files with a real vault.
# Test-only knobs: Reset-SecretDouble, Add-SecretDoubleVault, Set-SecretDoubleVault.

$SecretStoreModuleName = 'Microsoft.PowerShell.SecretStore'

class PasswordRequiredException : System.InvalidOperationException {
    PasswordRequiredException([string] $message) : base($message) { }
}

function Get-DoubleState {
    $state = [System.AppDomain]::CurrentDomain.GetData('NotionPS.Tests.SecretManagementDouble')
    if ($null -eq $state) {
        $state = [hashtable]::Synchronized(@{
            Vaults       = [System.Collections.Generic.SortedDictionary[string, object]]::new([System.StringComparer]::OrdinalIgnoreCase)
            DefaultVault = ''
        })
        [System.AppDomain]::CurrentDomain.SetData('NotionPS.Tests.SecretManagementDouble', $state)
    }
    $state
}

function New-DoubleError {
    param([System.Exception] $Exception, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category)
    [System.Management.Automation.ErrorRecord]::new($Exception, $ErrorId, $Category, $null)
}

function Get-DoubleExtensionVault {
    # SecretCmdlet.GetExtensionVault: an unknown vault name is a terminating error.
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Name)
    $vault = $null
    if (-not (Get-DoubleState).Vaults.TryGetValue($Name, [ref] $vault)) {
        $Cmdlet.ThrowTerminatingError((New-DoubleError `
            ([System.Management.Automation.PSInvalidOperationException]::new("Vault not found in registry: $Name")) `
            'GetSecretVaultNotFound' ObjectNotFound))
    }
    $vault
}

function Get-DoubleSearchOrder {
    # The default vault first, then the others in name order.
    $state = Get-DoubleState
    $ordered = [System.Collections.Generic.List[object]]::new()
    foreach ($vault in $state.Vaults.Values) {
        if ($vault.Name -eq $state.DefaultVault) { $ordered.Insert(0, $vault) } else { $ordered.Add($vault) }
    }
    $ordered
}

function Test-DoubleVaultRegistered {
    # Utils.CheckForRegisteredVaults: only a warning.
    param([System.Management.Automation.PSCmdlet] $Cmdlet)
    if ((Get-DoubleState).Vaults.Count -eq 0) {
        $Cmdlet.WriteWarning('There are currently no extension vaults registered. At least one vault must be registered before SecretManagement can add or retrieve secrets.')
    }
}

function Assert-DoubleVaultUnlocked {
    # A locked vault refuses everything; one whose password timed out still lists secret
    # information (-InfoOnly). With Interaction Prompt the vault asks the host for the password.
    param($Vault, [switch] $InfoOnly)
    if (-not $Vault.Locked -and -not ($Vault.PasswordTimedOut -and -not $InfoOnly)) {
        return
    }
    if ($Vault.Interaction -eq 'Prompt') {
        Read-DoubleVaultPassword $Vault
    }
    throw [PasswordRequiredException]::new("A valid password is required to access the $($Vault.ModuleName) vault.`nUse the Unlock-SecretStore cmdlet to provide the required password to access the store.")
}

function Read-DoubleVaultPassword {
    # The test host has no console input. A console host reading closed input stops the pipeline:
    # the nested call ends Stopped, with no error record and no exception. A host that cannot
    # prompt at all throws a HostException (-PromptEndsIn Failed).
    param($Vault)
    if ($Vault.PromptEndsIn -eq 'Failed') {
        throw [System.Management.Automation.Host.HostException]::new(
            'A command that prompts the user failed because the host program or the command type does not support user interaction.')
    }
    throw [System.Management.Automation.PipelineStoppedException]::new()
}

function ConvertTo-DoubleSecureString {
    param([string] $Text)
    $secure = [System.Security.SecureString]::new()
    foreach ($c in $Text.ToCharArray()) { $secure.AppendChar($c) }
    $secure.MakeReadOnly()
    $secure
}

function ConvertFrom-DoubleSecureString {
    param([System.Security.SecureString] $Secure)
    [System.Net.NetworkCredential]::new('', $Secure).Password
}

function ConvertTo-DoubleOutput {
    # GetSecretCommand.ConvertSecureString, applied to the secret and to hashtable elements.
    param($Item, [bool] $AsPlainText)
    if ($Item -is [hashtable]) {
        $copy = @{}
        foreach ($key in $Item.Keys) { $copy[$key] = ConvertTo-DoubleOutput $Item[$key] $AsPlainText }
        return $copy
    }
    if (-not $AsPlainText -and $Item -is [string]) { return (ConvertTo-DoubleSecureString $Item) }
    if ($AsPlainText -and $Item -is [System.Security.SecureString]) { return (ConvertFrom-DoubleSecureString $Item) }
    , $Item
}

function Get-DoubleSecretType {
    param($Secret)
    if ($Secret -is [byte[]]) { return 'ByteArray' }
    if ($Secret -is [string]) { return 'String' }
    if ($Secret -is [System.Security.SecureString]) { return 'SecureString' }
    if ($Secret -is [System.Management.Automation.PSCredential]) { return 'PSCredential' }
    if ($Secret -is [hashtable]) { return 'Hashtable' }
    'Unknown'
}

function New-DoubleSecretInformation {
    param([string] $Name, $Entry, [string] $VaultName)
    $metadata = [System.Collections.Generic.Dictionary[string, object]]::new()
    if ($null -ne $Entry.Metadata) {
        foreach ($key in $Entry.Metadata.Keys) { $metadata[[string] $key] = $Entry.Metadata[$key] }
    }
    [pscustomobject] @{
        PSTypeName = 'Microsoft.PowerShell.SecretManagement.SecretInformation'
        Name       = $Name
        Type       = Get-DoubleSecretType $Entry.Secret
        VaultName  = $VaultName
        Metadata   = [System.Collections.ObjectModel.ReadOnlyDictionary[string, object]]::new($metadata)
    }
}

function New-DoubleSecretVaultInfo {
    param($Vault)
    [pscustomobject] @{
        PSTypeName      = 'Microsoft.PowerShell.SecretManagement.SecretVaultInfo'
        Name            = $Vault.Name
        ModuleName      = $Vault.ModuleName
        ModulePath      = ''
        Description     = ''
        VaultParameters = [System.Collections.ObjectModel.ReadOnlyDictionary[string, object]]::new([System.Collections.Generic.Dictionary[string, object]]::new())
        IsDefault       = ($Vault.Name -eq (Get-DoubleState).DefaultVault)
    }
}

function Get-SecretVault {
    [CmdletBinding()]
    param (
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string[]] $Name
    )

    end {
        $state = Get-DoubleState
        if ($null -eq $Name) { $Name = @('*') }
        foreach ($pattern in $Name) {
            if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                $wildcard = [System.Management.Automation.WildcardPattern]::new($pattern, 'IgnoreCase')
                foreach ($vault in $state.Vaults.Values) {
                    if ($wildcard.IsMatch($vault.Name)) { New-DoubleSecretVaultInfo $vault }
                }
            }
            else {
                $vault = $null
                if ($state.Vaults.TryGetValue($pattern, [ref] $vault)) {
                    New-DoubleSecretVaultInfo $vault
                }
                else {
                    $PSCmdlet.WriteError((New-DoubleError `
                        ([System.Management.Automation.ItemNotFoundException]::new("Vault $pattern does not exist in registry.")) `
                        'GetSecretVaultNotFound' ObjectNotFound))
                }
            }
        }
    }
}

function Get-SecretInfo {
    [CmdletBinding()]
    param (
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string] $Name,

        [Parameter(Position = 1)]
        [string] $Vault
    )

    begin { Test-DoubleVaultRegistered $PSCmdlet }

    end {
        if ([string]::IsNullOrEmpty($Name)) { $Name = '*' }
        $vaults = if (-not [string]::IsNullOrEmpty($Vault)) { @(Get-DoubleExtensionVault $PSCmdlet $Vault) } else { Get-DoubleSearchOrder }
        foreach ($extensionVault in $vaults) {
            try {
                Assert-DoubleVaultUnlocked $extensionVault -InfoOnly
                $caseSensitive = $extensionVault.NameCase -eq 'Sensitive'
                $wildcard = [System.Management.Automation.WildcardPattern]::new($Name, $(if ($caseSensitive) { 'None' } else { 'IgnoreCase' }))
                $sorted = [System.Collections.Generic.SortedDictionary[string, object]]::new($(if ($caseSensitive) { [System.StringComparer]::Ordinal } else { [System.StringComparer]::OrdinalIgnoreCase }))
                foreach ($secretName in $extensionVault.Secrets.Keys) {
                    if ($wildcard.IsMatch($secretName)) {
                        $sorted[$secretName] = New-DoubleSecretInformation $secretName $extensionVault.Secrets[$secretName] $extensionVault.Name
                    }
                }
                $sorted.Values
            }
            catch {
                $PSCmdlet.WriteError((New-DoubleError $_.Exception 'GetSecretInfoException' InvalidOperation))
            }
        }
    }
}

function Get-Secret {
    [CmdletBinding(DefaultParameterSetName = 'NameParameterSet')]
    [OutputType([object])]
    param (
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [string] $Name,

        [Parameter(ParameterSetName = 'NameParameterSet', Position = 1)]
        [string] $Vault,

        [Parameter(ParameterSetName = 'InfoParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretInformation')]
        $InputObject,

        [switch] $AsPlainText
    )

    begin { Test-DoubleVaultRegistered $PSCmdlet }

    process {
        if ($PSCmdlet.ParameterSetName -eq 'InfoParameterSet') {
            $Name = $InputObject.Name
            $Vault = $InputObject.VaultName
        }

        $notFound = New-DoubleError ([System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found.")) 'GetSecretNotFound' ObjectNotFound

        # One vault: a locked vault is reported (GetSecretException) instead of "not found".
        if (-not [string]::IsNullOrEmpty($Vault)) {
            $extensionVault = Get-DoubleExtensionVault $PSCmdlet $Vault
            try {
                Assert-DoubleVaultUnlocked $extensionVault
            }
            catch {
                $PSCmdlet.WriteError((New-DoubleError $_.Exception 'GetSecretException' InvalidOperation))
                return
            }
            $entry = $extensionVault.Secrets[$Name]
            if ($null -eq $entry) { $PSCmdlet.WriteError($notFound) } else { $PSCmdlet.WriteObject((ConvertTo-DoubleOutput $entry.Secret $AsPlainText.IsPresent), $false) }
            return
        }

        # All vaults, the default first. The default vault is asked for secret information outside
        # SecretManagement's try block, so a locked default vault stops the command.
        foreach ($extensionVault in Get-DoubleSearchOrder) {
            if ($extensionVault.Name -eq (Get-DoubleState).DefaultVault) {
                Assert-DoubleVaultUnlocked $extensionVault
            }
            else {
                try {
                    Assert-DoubleVaultUnlocked $extensionVault
                }
                catch {
                    $PSCmdlet.WriteError((New-DoubleError $_.Exception 'GetSecretException' InvalidOperation))
                    continue
                }
            }
            $entry = $extensionVault.Secrets[$Name]
            if ($null -ne $entry) {
                $PSCmdlet.WriteObject((ConvertTo-DoubleOutput $entry.Secret $AsPlainText.IsPresent), $false)
                return
            }
        }
        $PSCmdlet.WriteError($notFound)
    }
}

function Set-Secret {
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'SecureStringParameterSet')]
    param (
        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 0, Mandatory)]
        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 0, Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 1, Mandatory, ValueFromPipeline)]
        [object] $Secret,

        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 1, Mandatory, ValueFromPipeline)]
        [System.Security.SecureString] $SecureStringSecret,

        [Parameter(ParameterSetName = 'SecretInfoParameterSet', Position = 1, Mandatory, ValueFromPipeline)]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretInformation')]
        $SecretInfo,

        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 2)]
        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 2)]
        [Parameter(ParameterSetName = 'SecretInfoParameterSet', Mandatory)]
        [string] $Vault,

        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 3)]
        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 3)]
        [hashtable] $Metadata,

        [switch] $NoClobber
    )

    begin { Test-DoubleVaultRegistered $PSCmdlet }

    process {
        if (-not $PSCmdlet.ShouldProcess($Vault, 'Write secret to vault and override any existing secret of the same name')) {
            return
        }

        switch ($PSCmdlet.ParameterSetName) {
            'SecretInfoParameterSet' {
                $source = Get-DoubleExtensionVault $PSCmdlet $SecretInfo.VaultName
                Assert-DoubleVaultUnlocked $source
                $Name = $SecretInfo.Name
                $secretToWrite = $source.Secrets[$Name].Secret
                $Metadata = @{}
                foreach ($key in $SecretInfo.Metadata.Keys) { $Metadata[$key] = $SecretInfo.Metadata[$key] }
            }
            'SecureStringParameterSet' { $secretToWrite = $SecureStringSecret }
            'ObjectParameterSet' { $secretToWrite = if ($Secret -is [psobject]) { $Secret.psobject.BaseObject } else { $Secret } }
        }

        $state = Get-DoubleState
        if (-not [string]::IsNullOrEmpty($Vault)) {
            $extensionVault = Get-DoubleExtensionVault $PSCmdlet $Vault
        }
        elseif (-not [string]::IsNullOrEmpty($state.DefaultVault)) {
            $extensionVault = Get-DoubleExtensionVault $PSCmdlet $state.DefaultVault
        }
        else {
            $PSCmdlet.ThrowTerminatingError((New-DoubleError `
                ([System.Management.Automation.PSInvalidOperationException]::new('Unable to set secret because no vault was provided and there is no default vault designated.')) `
                'SetSecretCommandFailNoVault' InvalidOperation))
        }

        # NoClobber looks the secret up through the vault, so a locked vault stops here too.
        Assert-DoubleVaultUnlocked $extensionVault
        if ($NoClobber -and $extensionVault.Secrets.ContainsKey($Name)) {
            $PSCmdlet.ThrowTerminatingError((New-DoubleError `
                ([System.Management.Automation.PSInvalidOperationException]::new("A secret with name $Name already exists in vault $($extensionVault.Name).")) `
                'SetSecretCommandAlreadyExistsWithNoClobber' ResourceExists))
        }

        if ($extensionVault.ReadOnly) {
            # A vault extension's refusal is its own text: -RefusalQuotesSecret makes it quote the value, as a careless one might.
            $quoted = if ($extensionVault.RefusalQuotesSecret) { " (value '$(ConvertFrom-DoubleSecureString $secretToWrite)')" } else { '' }
            $PSCmdlet.WriteError((New-DoubleError `
                ([System.Management.Automation.PSInvalidOperationException]::new("Unable to add secret $Name$quoted to vault $($extensionVault.Name)")) `
                'SetSecretInvalidOperation' InvalidOperation))
            return
        }

        $storedMetadata = if ($extensionVault.SupportsMetadata -and $null -ne $Metadata) { $Metadata.Clone() } else { $null }
        # SecretStore replaces a secret under the spelling written now; a dictionary keeps the first one (-NameCase First).
        if ($extensionVault.NameCase -eq 'Latest') { $null = $extensionVault.Secrets.Remove($Name) }
        $extensionVault.Secrets[$Name] = @{ Secret = $secretToWrite; Metadata = $storedMetadata }

        # ExtensionVaultModule.InvokeSetSecret: metadata the vault cannot take falls back to the
        # vault's Set-SecretInfo; without one the error is written and the secret removed again.
        if ($Metadata.Count -gt 0 -and -not $extensionVault.SupportsMetadata) {
            $PSCmdlet.WriteError((New-DoubleError `
                ([System.Management.Automation.PSNotSupportedException]::new("Cannot add secret metadata '$Name' to vault '$($extensionVault.Name): The vault does not support the Set-SecretInfo function.")) `
                'SetSecretMetadataCommandNotSupported' NotImplemented))
            $null = $extensionVault.Secrets.Remove($Name)
            return
        }

        $PSCmdlet.WriteVerbose("Secret $Name was successfully added to vault $($extensionVault.Name).")
    }
}

function Remove-Secret {
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'NameParameterSet')]
    param (
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'NameParameterSet', Position = 1, Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Vault,

        [Parameter(ParameterSetName = 'InfoParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretInformation')]
        $InputObject
    )

    process {
        if (-not $PSCmdlet.ShouldProcess($Vault, 'Remove secret by name from vault')) {
            return
        }

        if ($PSCmdlet.ParameterSetName -eq 'InfoParameterSet') {
            $Name = $InputObject.Name
            $Vault = $InputObject.VaultName
        }

        $extensionVault = Get-DoubleExtensionVault $PSCmdlet $Vault
        Assert-DoubleVaultUnlocked $extensionVault
        if (-not $extensionVault.Secrets.Remove($Name)) {
            # SecretStore's extension writes its own error; other extensions' failures are wrapped.
            if ($extensionVault.ModuleName -eq $SecretStoreModuleName) {
                $PSCmdlet.WriteError((New-DoubleError `
                    ([System.Management.Automation.ItemNotFoundException]::new("Remove-Secret error in vault $($extensionVault.Name) : Secret not found")) `
                    'SecretStoreRemoveSecretFailed' InvalidOperation))
            }
            else {
                $PSCmdlet.WriteError((New-DoubleError `
                    ([System.Management.Automation.PSInvalidOperationException]::new("Unable to remove secret $Name from vault $($extensionVault.Name)", [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."))) `
                    'RemoveSecretInvalidOperation' InvalidOperation))
            }
            return
        }
        $PSCmdlet.WriteVerbose("Secret $Name was successfully removed from vault $($extensionVault.Name).")
    }
}

function Test-SecretVault {
    [CmdletBinding()]
    [OutputType([bool])]
    param (
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [string[]] $Name
    )

    process {
        if ($null -eq $Name) { $Name = @('*') }
        foreach ($pattern in $Name) {
            # As Get-SecretVault: a name with wildcard characters is a pattern, any other is looked up as it is
            # (so an escaped name, `[ say, is a name no vault has).
            $vaults = if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                $wildcard = [System.Management.Automation.WildcardPattern]::new($pattern, 'IgnoreCase')
                (Get-DoubleState).Vaults.Values | Where-Object { $wildcard.IsMatch($_.Name) }
            }
            else {
                $vault = $null
                if ((Get-DoubleState).Vaults.TryGetValue($pattern, [ref] $vault)) { $vault }
                else {
                    $PSCmdlet.WriteError((New-DoubleError `
                        ([System.Management.Automation.ItemNotFoundException]::new("Vault $pattern does not exist in registry.")) `
                        'TestSecretVaultNotFound' ObjectNotFound))
                }
            }
            foreach ($extensionVault in $vaults) {
                # SecretStore's self test writes, reads and removes a secret: it needs the password.
                Assert-DoubleVaultUnlocked $extensionVault
                $success = -not $extensionVault.ReadOnly
                if (-not $success) {
                    $PSCmdlet.WriteError((New-DoubleError `
                        ([System.Management.Automation.PSInvalidOperationException]::new("Test-SecretVault failed to write secret on vault $($extensionVault.Name) with error: access denied")) `
                        'Microsoft.PowerShell.Commands.WriteErrorException' NotSpecified))
                }
                $PSCmdlet.WriteVerbose("Vault $($extensionVault.Name) $(if ($success) { 'succeeded' } else { 'failed' }) validation test")
                # Third-party vaults may answer $false for reasons of their own, or nothing at all.
                switch ($extensionVault.SelfTest) {
                    'Passes' { $success }
                    'ReturnsFalse' { $false }
                    'ReturnsNothing' { }
                }
            }
        }
    }
}

# ---- Test-only knobs (not part of SecretManagement) ----

function Reset-SecretDouble {
    # Forgets every vault and secret.
    [CmdletBinding()]
    param ()
    $state = Get-DoubleState
    $state.Vaults.Clear()
    $state.DefaultVault = ''
}

function Add-SecretDoubleVault {
    # Registers an in-memory vault. The first vault becomes the default, as in Register-SecretVault. -NameCase says how it
    # takes secret names that differ only in case: Latest (SecretStore: one secret, under the spelling last written), First
    # (one secret, under the spelling first written) or Sensitive (two secrets).
    [CmdletBinding()]
    param (
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [string] $ModuleName = $SecretStoreModuleName,
        [switch] $DefaultVault,
        [switch] $NoMetadataSupport,
        [ValidateSet('Latest', 'First', 'Sensitive')] [string] $NameCase = 'Latest'
    )
    $state = Get-DoubleState
    $isFirst = $state.Vaults.Count -eq 0
    $state.Vaults[$Name] = [pscustomobject] @{
        Name             = $Name
        ModuleName       = $ModuleName
        Locked           = $false
        PasswordTimedOut = $false
        Interaction      = 'None'
        PromptEndsIn     = 'Stopped'
        ReadOnly         = $false
        RefusalQuotesSecret = $false
        SelfTest         = 'Passes'
        SupportsMetadata = -not $NoMetadataSupport.IsPresent
        NameCase         = $NameCase
        Secrets          = [System.Collections.Generic.Dictionary[string, object]]::new($(if ($NameCase -eq 'Sensitive') { [System.StringComparer]::Ordinal } else { [System.StringComparer]::OrdinalIgnoreCase }))
    }
    if ($DefaultVault -or $isFirst) { $state.DefaultVault = $Name }
}

function Set-SecretDoubleVault {
    # Locks or unlocks a vault, times its password out (secret information stays readable), sets
    # whether it prompts for its password and how that prompt ends in this console-less host,
    # makes it refuse writes (quoting the value with -RefusalQuotesSecret), sets what its self test (Test-SecretVault) outputs, or makes it the
    # default; -ClearDefault leaves no default vault.
    [CmdletBinding(DefaultParameterSetName = 'Vault')]
    param (
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Vault')] [string] $Name,
        [Parameter(ParameterSetName = 'Vault')] [bool] $Locked,
        [Parameter(ParameterSetName = 'Vault')] [bool] $PasswordTimedOut,
        [Parameter(ParameterSetName = 'Vault')] [ValidateSet('None', 'Prompt')] [string] $Interaction,
        [Parameter(ParameterSetName = 'Vault')] [ValidateSet('Stopped', 'Failed')] [string] $PromptEndsIn,
        [Parameter(ParameterSetName = 'Vault')] [bool] $ReadOnly,
        [Parameter(ParameterSetName = 'Vault')] [bool] $RefusalQuotesSecret,
        [Parameter(ParameterSetName = 'Vault')] [ValidateSet('Passes', 'ReturnsFalse', 'ReturnsNothing')] [string] $SelfTest,
        [Parameter(ParameterSetName = 'Vault')] [switch] $DefaultVault,
        [Parameter(Mandatory, ParameterSetName = 'Clear')] [switch] $ClearDefault
    )
    $state = Get-DoubleState
    if ($ClearDefault) { $state.DefaultVault = ''; return }
    $vault = $state.Vaults[$Name]
    foreach ($setting in 'Locked', 'PasswordTimedOut', 'Interaction', 'PromptEndsIn', 'ReadOnly', 'RefusalQuotesSecret', 'SelfTest') {
        if ($PSBoundParameters.ContainsKey($setting)) { $vault.$setting = $PSBoundParameters[$setting] }
    }
    if ($DefaultVault) { $state.DefaultVault = $vault.Name }
}
