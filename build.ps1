#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages NotionPS.

.DESCRIPTION
    Build    dotnet build of the solution; stages the module, with its help, in out/NotionPS.
    Test     dotnet test: unit tests, the emulator over HTTP, and the module in a hosted engine.
    Pester   Builds, then Invoke-Pester on tests/Pester; fails when Pester 5 is not installed.
    Demo     Builds, starts the emulator with its demo workspace, imports out/NotionPS and walks
             Notion's three setup steps (tools/Demo/Start-NotionDemo.ps1), then stops the emulator.
    Package  Builds and writes out/packages/NotionPS.<version>.nupkg for Publish-PSResource and
             Install-PSResource.

    Every task ends the process with exit code 1 when it fails (pwsh -File ./build.ps1 ...).

.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$stagedModule = Join-Path $root 'out/NotionPS'
Import-Module (Join-Path $root 'tools/EmulatorProcess.psm1') -Force

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)

    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'NotionPS.sln') -c $Configuration
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'NotionPS.sln') -c $Configuration
}

function Invoke-Pester5 {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        # A skipped suite must not look like a passed one.
        throw 'Pester 5 is not installed. Install it with: Install-PSResource Pester -Version 5.9.1 (or put a Pester 5 module folder on PSModulePath), then run this task again.'
    }

    Invoke-Build
    Import-Module $pester -Force
    $pesterConfiguration = New-PesterConfiguration
    $pesterConfiguration.Run.Container = New-PesterContainer -Path (Join-Path $root 'tests/Pester') -Data @{ Configuration = $Configuration }
    $pesterConfiguration.Run.PassThru = $true
    $pesterConfiguration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $pesterConfiguration
    if ($result.Result -ne 'Passed') {
        throw "Pester: $($result.FailedCount) failed, $($result.PassedCount) passed."
    }
}

function Invoke-Demo {
    Invoke-Build
    $emulator = Start-EmulatorProcess -RepositoryRoot $root -Configuration $Configuration
    try {
        Write-Host "Emulator with the demo workspace at $($emulator.BaseUri)"
        Import-Module (Join-Path $stagedModule 'NotionPS.psd1') -Force
        & (Join-Path $root 'tools/Demo/Start-NotionDemo.ps1') -BaseUri $emulator.BaseUri
    }
    finally {
        if (Get-Module -Name NotionPS) {
            Disconnect-NotionIntegration
        }

        Stop-EmulatorProcess -Emulator $emulator
        Write-Host 'Emulator stopped.'
    }
}

function Invoke-Package {
    Invoke-Build
    $package = & (Join-Path $root 'tools/New-ModulePackage.ps1') -ModulePath $stagedModule -DestinationPath (Join-Path $root 'out/packages')
    Write-Host "Package: $($package.FullName)"
    Write-Host "Publish it with: Publish-PSResource -NupkgPath '$($package.FullName)' -Repository <repository>"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Pester' { Invoke-Pester5 }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
}
