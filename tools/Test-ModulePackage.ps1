<#
.SYNOPSIS
    Installs a module package as a user would, into a throwaway user profile, and imports it by name
    in a fresh pwsh.

.DESCRIPTION
    Registers the package's folder as a PSResourceGet repository, runs Install-PSResource, then starts
    another pwsh -NoProfile that runs Import-Module <Name> by name, so PowerShell finds the module
    through PSModulePath exactly as after an install from the PowerShell Gallery. Both child processes
    get a throwaway HOME (from which pwsh and PSResourceGet derive the user's module folder and
    repository list on Linux and macOS), so nothing of the user's own profile is read or changed.
    Writes what it did to the host and fails (exit code 1 under -File) on any failure.

.EXAMPLE
    ./tools/Test-ModulePackage.ps1 -PackageFolder ./out/packages
#>
[CmdletBinding()]
param(
    # The folder holding <Name>.<version>.nupkg, as build.ps1 -Task Package writes it.
    [Parameter(Mandatory)]
    [string] $PackageFolder,

    [string] $Name = 'NotionPS'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

if ($IsWindows) {
    throw 'Test-ModulePackage.ps1 isolates the user profile through HOME, which only pwsh on Linux and macOS reads.'
}

$PackageFolder = [System.IO.Path]::GetFullPath($PackageFolder)
$profileRoot = Join-Path ([System.IO.Path]::GetTempPath()) "notionps-install-$([guid]::NewGuid().ToString('N'))"

# This very pwsh, also when it runs as a .NET tool (dotnet pwsh.dll).
$pwsh = [Environment]::ProcessPath
$pwshArguments = @()
if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -ne 'pwsh') {
    $pwshArguments = @([Environment]::GetCommandLineArgs()[0])
}

function Invoke-IsolatedPwsh {
    param([string] $Script)

    $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; PSModulePath = $env:PSModulePath }
    try {
        # pwsh and PSResourceGet both derive the user's module folder from HOME (PSResourceGet ignores XDG_DATA_HOME).
        $env:HOME = (New-Item -ItemType Directory -Force -Path $profileRoot).FullName
        $env:XDG_DATA_HOME = $null
        $env:XDG_CONFIG_HOME = $null
        # A fresh pwsh builds PSModulePath from its own folders and the (isolated) user folder.
        $env:PSModulePath = $null
        & $pwsh @pwshArguments -NoProfile -NonInteractive -Command $Script
        if ($LASTEXITCODE -ne 0) {
            throw "pwsh exited with code $LASTEXITCODE."
        }
    }
    finally {
        foreach ($variable in $saved.Keys) {
            Set-Item -Path "Env:$variable" -Value $saved[$variable]
        }
    }
}

function ConvertTo-QuotedArgument([string] $Text) {
    "'" + $Text.Replace("'", "''") + "'"
}

try {
    $install = {
        param($folder, $name)
        $ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name NotionPSPackageTest -Uri $folder -Trusted
        Install-PSResource -Name $name -Repository NotionPSPackageTest -Scope CurrentUser -TrustRepository -Quiet
        $installed = Get-InstalledPSResource -Name $name
        "Installed $($installed.Name) $($installed.Version) into $($installed.InstalledLocation)"
    }
    Invoke-IsolatedPwsh -Script "& { $install } $(ConvertTo-QuotedArgument $PackageFolder) $(ConvertTo-QuotedArgument $Name)"

    $import = {
        param($name, $profileRoot)
        $ErrorActionPreference = 'Stop'
        Import-Module -Name $name
        $module = Get-Module -Name $name
        if (-not $module.ModuleBase.StartsWith($profileRoot)) {
            throw "Imported $name from $($module.ModuleBase), not from the installed package under $profileRoot."
        }
        "Imported $($module.Name) $($module.Version) by name from $($module.ModuleBase): $(@(Get-Command -Module $name).Count) commands"
    }
    Invoke-IsolatedPwsh -Script "& { $import } $(ConvertTo-QuotedArgument $Name) $(ConvertTo-QuotedArgument $profileRoot)"
}
finally {
    Remove-Item -LiteralPath $profileRoot -Recurse -Force -ErrorAction SilentlyContinue
}
