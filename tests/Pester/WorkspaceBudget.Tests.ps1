param([string] $Configuration = 'Debug')

# -WorkspaceRequestsPerMinute from real pwsh. This file's emulator is its own (TestEnvironment.ps1), and a declared
# budget holds for the rest of the process for that address (the smaller wins), so each test declares where no other did.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration

    function Set-WorkspaceBudget([int] $Requests) {
        $limits = @{ requestsPerSecond = 0; requestsPerMinute = 0; retryAfterSeconds = 1; workspaceRequestsPerWindow = $Requests; workspaceWindowSeconds = 60 }
        Invoke-RestMethod -Method Put -Uri "$($Emulator.BaseUri)__emulator/rate-limit" -ContentType 'application/json' -Body ($limits | ConvertTo-Json) | Out-Null
    }

    function Get-RateLimited([string] $Name) {
        $stats = Invoke-RestMethod -Uri "$($Emulator.BaseUri)__emulator/stats"
        ($stats.integrations.PSObject.Properties.Value | Where-Object name -EQ $Name).rateLimited
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'A declared workspace budget' {
    AfterEach {
        Disconnect-NotionIntegration
    }

    It 'refuses -WorkspaceRequestsPerMinute <Value> at binding' -ForEach @(
        @{ Value = 0 }
        @{ Value = -1 }
        @{ Value = 60001 }
    ) {
        { Connect-NotionIntegration -Token (ConvertTo-SecureString x -AsPlainText -Force) -WorkspaceRequestsPerMinute $Value } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
    }

    It 'is an error for a token whose users/me names no workspace, and connects nothing' {
        $token = ConvertTo-SecureString 'demo-token-pat-ada' -AsPlainText -Force

        { Connect-NotionIntegration -Token $token -BaseUri $Emulator.BaseUri -WorkspaceRequestsPerMinute 100 } |
            Should -Throw -ErrorId 'NotionWorkspaceUnknown,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
        Get-NotionConnection | Should -BeNullOrEmpty
    }

    It 'keeps the smaller of two declarations for every connection of the workspace, with a warning' {
        $first = Connect-NotionIntegration -Token (ConvertTo-SecureString $Demo.FullAccessToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -WorkspaceRequestsPerMinute 600
        $second = Connect-NotionIntegration -Token (ConvertTo-SecureString $Demo.ReadOnlyToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -WorkspaceRequestsPerMinute 900 -WarningVariable warned 3>$null

        $warned | Should -HaveCount 1
        "$warned" | Should -BeLike "*declared 600 requests per 60 s for workspace 'Acme Demo'; this one declares 900. Every connection of the workspace is paced at the smaller, 600.*"
        $first.WorkspaceRequestsPerMinute | Should -Be 600
        $second.WorkspaceRequestsPerMinute | Should -Be 600
    }

    It 'paces two tokens calling at once in two runspaces so that neither draws a 429' {
        Set-WorkspaceBudget 4
        # A declared budget belongs to an API address and workspace until the process ends: the same emulator reached
        # as localhost is an address whose workspace has none yet, so the test above leaves nothing in it.
        $address = "http://localhost:$($Emulator.BaseUri.Port)/"
        try {
            # A connect and two calls each: six requests, two more than the workspace's 4 a minute.
            $shells = foreach ($token in $Demo.FullAccessToken, $Demo.ReadOnlyToken) {
                $shell = [powershell]::Create()
                $shell.AddScript({
                    param($Manifest, $BaseUri, $Token)
                    Import-Module $Manifest
                    $connection = Connect-NotionIntegration -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -WorkspaceRequestsPerMinute 4
                    1..2 | ForEach-Object { (Invoke-NotionApi v1/users/me -Connection $connection).name }
                }).AddParameters(@{ Manifest = (Join-Path $RepositoryRoot 'out/NotionPS/NotionPS.psd1'); BaseUri = $address; Token = $token }) | Out-Null
                $shell
            }
            $running = @($shells | ForEach-Object { $_.BeginInvoke() })
            $names = for ($i = 0; $i -lt 2; $i++) { $shells[$i].EndInvoke($running[$i]) }

            $shells | ForEach-Object { $_.Streams.Error } | Should -BeNullOrEmpty
            $names | Sort-Object | Should -Be @('NotionPS Demo', 'NotionPS Demo', 'Read-only Reporter', 'Read-only Reporter')
            Get-RateLimited 'NotionPS Demo' | Should -Be 0
            Get-RateLimited 'Read-only Reporter' | Should -Be 0
        }
        finally {
            $shells | ForEach-Object { $_.Dispose() }
            Set-WorkspaceBudget 0
        }
    }
}
