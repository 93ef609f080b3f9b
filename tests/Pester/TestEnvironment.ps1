<#
    Shared by the Pester files; dot-source it in BeforeAll. Starts the emulator with its demo workspace
    the same way build.ps1 does (tools/EmulatorProcess.psm1), without rate limiting so the suite is
    quick, and imports the staged module (run ./build.ps1 first). Stop-TestEnvironment in AfterAll.
#>
param([string] $Configuration = 'Debug')

$RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $RepositoryRoot 'tools/EmulatorProcess.psm1') -Force
$Emulator = Start-EmulatorProcess -RepositoryRoot $RepositoryRoot -Configuration $Configuration -EmulatorArgument '--rate-limit', '0'
Import-Module (Join-Path $RepositoryRoot 'out/NotionPS/NotionPS.psd1') -Force

# The emulator's demo workspace (src/NotionPS.Emulator/Workspace/demo-workspace.json).
$Demo = @{
    FullAccessToken  = 'demo-token-full-access'
    ReadOnlyToken    = 'demo-token-read-only'
    TasksId          = '1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6'
    TasksUrl         = 'https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111'
    PrivateNotesId   = '3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7'
    PrivateNotesUrl  = 'https://www.notion.so/acme/Private-Notes-3c4d5e6f70814b92a0d1e2f3a4b5c6d7?v=bbbbccccddddeeeeffff000011112222'
    ProjectsId       = '5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9'
    LinkedNotesId    = '8192a3b4-c5d6-4e07-b5c6-d7e8f9a0b1c2'
    MeetingNotesId   = '92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3'
}

function Connect-Demo {
    # Connects to the emulator as one of the demo integrations; the full-access one by default.
    param([string] $Token = $Demo.FullAccessToken)

    Connect-NotionIntegration -Token (ConvertTo-SecureString -String $Token -AsPlainText -Force) -BaseUri $Emulator.BaseUri
}

function Stop-TestEnvironment {
    Disconnect-NotionIntegration
    Stop-EmulatorProcess -Emulator $Emulator
}

function Invoke-InCulture {
    # Runs the script block with the thread's current culture set to $Culture, then puts it back.
    param([Parameter(Mandatory)] [string] $Culture, [Parameter(Mandatory)] [scriptblock] $ScriptBlock)

    $saved = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = $Culture
        & $ScriptBlock
    }
    finally {
        [cultureinfo]::CurrentCulture = $saved
    }
}

function Get-ChildPwshCommand {
    # The executable that runs this pwsh, and the arguments that come before a script's: under `dotnet pwsh`
    # the process is dotnet, and pwsh.dll comes first.
    $exe = [Environment]::ProcessPath
    [pscustomobject]@{
        Path      = $exe
        Arguments = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { [Environment]::GetCommandLineArgs()[0] })
    }
}

function Invoke-ChildPwsh {
    # Runs a script in a new pwsh process (the same pwsh as this one) with extra environment variables,
    # such as TZ, which a running process cannot change for itself. Returns its output lines.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})

    $pwsh = Get-ChildPwshCommand
    $leading = $pwsh.Arguments
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        & $pwsh.Path @leading -NoProfile -NonInteractive -Command $Script
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
}
