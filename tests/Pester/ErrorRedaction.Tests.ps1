param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Error objects never carry the token' {
    BeforeEach {
        Connect-Demo | Out-Null
    }

    AfterEach {
        Disconnect-NotionIntegration
    }

    It 'leaves an input quoting the token redacted in $Error[0] and in a catch block' {
        $text = "see $($Demo.FullAccessToken)"

        Get-NotionDatabaseRow -DatabaseId $text -ErrorAction SilentlyContinue
        $written = $Error[0]
        try { Get-NotionDatabaseRow -DatabaseId $text -ErrorAction Stop } catch { $caught = $_ }

        foreach ($record in $written, $caught) {
            $record.FullyQualifiedErrorId | Should -BeLike 'InvalidNotionUrl,*'
            $record.Exception.Message | Should -Match "'see \*\*\*'"
            $record.Exception.Message | Should -Not -Match $Demo.FullAccessToken
            "$($record.TargetObject)" | Should -Be 'see ***'
            ($record | Out-String) | Should -Not -Match $Demo.FullAccessToken
        }
    }

    It 'leaves a path carrying the token redacted in the exception, its path and the target' {
        Invoke-NotionApi -Path "v1/blocks/$($Demo.FullAccessToken)/children" -ErrorAction SilentlyContinue

        $Error[0].FullyQualifiedErrorId | Should -BeLike 'NotionValidationError,*'
        $Error[0].Exception.Path | Should -Be 'v1/blocks/***/children'
        $Error[0].Exception.Message | Should -Not -Match $Demo.FullAccessToken
        $Error[0].Exception.ApiMessage | Should -Not -Match $Demo.FullAccessToken
        "$($Error[0].TargetObject)" | Should -Not -Match $Demo.FullAccessToken
    }

    It 'leaves a checkpoint path carrying the token redacted in the exception''s Path and in what Get-Error shows' {
        $directory = Join-Path ([IO.Path]::GetTempPath()) "checkpoint-$($Demo.FullAccessToken)-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $directory
        try {
            $checkpoint = Join-Path $directory 'cp.json'
            Set-Content -LiteralPath $checkpoint -Value 'not a time'

            try { Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Checkpoint $checkpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike 'NotionCheckpointInvalid,*'
            $caught.Exception.Path | Should -Be $checkpoint.Replace($Demo.FullAccessToken, '***')
            ($caught | Get-Error | Out-String -Width 4096) | Should -Not -Match $Demo.FullAccessToken
        }
        finally {
            Remove-Item -LiteralPath $directory -Recurse -Force
        }
    }

    It 'leaves no token inside the target a script reads into' {
        Invoke-NotionApi -Method Post -Path v1/pages -Body @{ x = @{ y = "see $($Demo.FullAccessToken)" }; n = [double]::NaN } -ErrorAction SilentlyContinue

        $Error[0].FullyQualifiedErrorId | Should -BeLike 'NotionNumberNotFinite,*'
        # Whatever the target became, nothing nested in it holds the token (a string has no .x under strict mode).
        ($Error[0].TargetObject | ConvertTo-Json -Depth 5 -Compress) | Should -Not -Match $Demo.FullAccessToken
        ($Error[0] | Get-Error | Out-String -Width 4096) | Should -Not -Match $Demo.FullAccessToken
    }
}

Describe 'Connect-NotionIntegration''s own error never carries the token' {
    BeforeAll {
        # A server that refuses every request, echoing its Authorization header JSON-escaped and upper-cased, as a proxy might.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $echoing = "http://127.0.0.1:$($listener.LocalEndpoint.Port)/"
        $server = Start-ThreadJob -ArgumentList $listener -ScriptBlock {
            param($listener)
            while ($true) {
                $client = $listener.AcceptTcpClient()
                try {
                    $reader = [System.IO.StreamReader]::new($client.GetStream(), [System.Text.Encoding]::ASCII)
                    $token = ''
                    while (($line = $reader.ReadLine())) {
                        if ($line -match '^Authorization: Bearer (.+)$') { $token = $Matches[1] }
                    }
                    $escaped = -join ($token.ToCharArray() | ForEach-Object { '\u{0:x4}' -f [int] $_ })
                    $body = '{"object":"error","status":401,"code":"unauthorized","message":"Echo ' + $token.ToUpperInvariant() + '","additional_data":{"seen":"' + $escaped + '"}}'
                    $answer = [System.Text.Encoding]::UTF8.GetBytes("HTTP/1.1 401 Unauthorized`r`nContent-Type: application/json`r`nContent-Length: $($body.Length)`r`nConnection: close`r`n`r`n$body")
                    $client.GetStream().Write($answer, 0, $answer.Length)
                }
                finally {
                    $client.Dispose()
                }
            }
        }
    }

    AfterAll {
        $listener.Stop()
        $server | Remove-Job -Force
    }

    It 'shows *** where a refusal echoes the token JSON-escaped or upper-cased: in the record, Get-Error, -Debug and a transcript' {
        $token = 'ntn_HostileEcho0123456789abcdefABCDEF'
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "notionps-transcript-$([guid]::NewGuid().ToString('N')).txt"

        $null = Start-Transcript -LiteralPath $transcript
        try {
            try { Connect-NotionIntegration -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $echoing -Debug -ErrorAction Stop 5>&1 | Out-Host }
            catch { $caught = $_ }
            $caught | Format-List * -Force | Out-Host
            $caught | Get-Error | Out-Host
            $caught.Exception | Format-List * -Force | Out-Host
        }
        finally {
            $null = Stop-Transcript
        }
        $shown = Get-Content -LiteralPath $transcript -Raw
        Remove-Item -LiteralPath $transcript

        $caught.FullyQualifiedErrorId | Should -BeLike 'NotionUnauthorized,*'
        $caught.Exception.AdditionalData.GetProperty('seen').GetString() | Should -BeExactly '***'
        $shown | Should -Match 'Echo \*\*\*'
        # -Match ignores case, so an upper-cased echo fails this too.
        $shown | Should -Not -Match ([regex]::Escape($token))
        $shown | Should -Not -Match '\\u006e\\u0074\\u006e\\u005f'
    }
}
