<#
    Starts and stops the NotionPS emulator as a background process for build.ps1 -Task Demo and the
    Pester suite, so both run it the same way: `dotnet run --no-build` on a free local port.
#>

function Start-EmulatorProcess {
    <#
    .SYNOPSIS
        Starts the emulator with its demo workspace and waits until it answers. Returns an object with
        BaseUri, Process and LogPath; pass it to Stop-EmulatorProcess.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $RepositoryRoot,

        [string] $Configuration = 'Debug',

        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 60,

        # More emulator options, such as '--rate-limit', '0'.
        [string[]] $EmulatorArgument = @()
    )

    # Port 0 lets the system pick a free port; the listener gives it back at once for the emulator.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()

    $baseUri = "http://127.0.0.1:$port/"
    $logPath = Join-Path ([System.IO.Path]::GetTempPath()) "notionps-emulator-$port.log"
    $project = Join-Path $RepositoryRoot 'src/NotionPS.Emulator'
    $process = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow `
        -ArgumentList (@('run', '--project', $project, '--no-build', '-c', $Configuration, '--', '--urls', $baseUri.TrimEnd('/')) + $EmulatorArgument) `
        -RedirectStandardOutput $logPath -RedirectStandardError "$logPath.err"
    $emulator = [pscustomobject]@{ BaseUri = [uri]$baseUri; Process = $process; LogPath = $logPath }

    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        if ($process.HasExited) {
            throw "The emulator stopped with exit code $($process.ExitCode) before answering. See $logPath and $logPath.err."
        }

        try {
            # Any HTTP answer, even 401 without a token, means it is listening.
            $null = Invoke-WebRequest -Uri "$($baseUri)v1/users/me" -SkipHttpErrorCheck -TimeoutSec 2
            return $emulator
        }
        catch [System.Net.Http.HttpRequestException], [System.Threading.Tasks.TaskCanceledException] {
            if ([datetime]::UtcNow -gt $deadline) {
                Stop-EmulatorProcess -Emulator $emulator
                throw "The emulator did not answer at $baseUri within $TimeoutSec seconds. See $logPath."
            }

            Start-Sleep -Milliseconds 250
        }
    }
}

function Stop-EmulatorProcess {
    <#
    .SYNOPSIS
        Stops an emulator started by Start-EmulatorProcess, with the process `dotnet run` started for it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Emulator
    )

    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $Emulator.Process.WaitForExit()
    }
}

Export-ModuleMember -Function Start-EmulatorProcess, Stop-EmulatorProcess
