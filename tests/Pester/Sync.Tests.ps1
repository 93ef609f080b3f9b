param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $admin = $Emulator.BaseUri.ToString().TrimEnd('/') + '/__emulator'

    function New-SyncDatabase {
        # A database of its own under Team Home (shared with the demo integration), with $Count rows K001...
        param([string] $Title, [int] $Count)

        $databaseId = [guid]::NewGuid().ToString()
        $dataSourceId = [guid]::NewGuid().ToString()
        $body = @{
            id = $databaseId; title = $Title; parent = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
            dataSources = @(@{
                id = $dataSourceId; name = $Title
                properties = [ordered]@{
                    Key   = @{ type = 'title' }
                    Count = @{ type = 'number' }
                    Tags  = @{ type = 'multi_select'; options = @(@{ name = 'a' }, @{ name = 'b' }) }
                    Due   = @{ type = 'date' }
                    Owner = @{ type = 'people' }
                }
            })
        }
        Invoke-RestMethod -Method Post -Uri "$admin/databases" -Body ($body | ConvertTo-Json -Depth 10) -ContentType 'application/json' | Out-Null
        $rows = 1..$Count | ForEach-Object {
            @{ properties = @{ Key = 'K{0:000}' -f $_; Count = $_ * 1.5; Tags = @('b', 'a'); Due = '2026-03-{0:00}' -f (1 + $_ % 28); Owner = @('c1a55e00-0000-4000-8000-000000000001') } }
        }
        Invoke-RestMethod -Method Post -Uri "$admin/data_sources/$dataSourceId/rows" -Body (@{ rows = @($rows) } | ConvertTo-Json -Depth 10) -ContentType 'application/json' | Out-Null
        $databaseId
    }

    function Get-PageWrites {
        # Pages the demo integration created and updated so far, by the emulator's counters.
        $stats = Invoke-RestMethod -Uri "$admin/stats"
        $counters = $stats.integrations.PSObject.Properties.Value | Where-Object name -EQ 'NotionPS Demo'
        [pscustomobject]@{ Created = $counters.pagesCreated; Updated = $counters.pagesUpdated }
    }

    $csv = Join-Path ([IO.Path]::GetTempPath()) "NotionPS-Sync-$([guid]::NewGuid().ToString('N')).csv"
}

AfterAll {
    Remove-Item -Path $csv -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

Describe 'Sync-NotionDatabaseRow' {
    BeforeAll {
        $database = New-SyncDatabase -Title 'Pester sync' -Count 20
        Get-NotionDatabaseRow $database | Export-Csv -Path $csv
    }

    It 'writes nothing when the rows of an Export-Csv file come back through Import-Csv' {
        $before = Get-PageWrites

        $result = Import-Csv -Path $csv | Sync-NotionDatabaseRow $database -Key Key -DeleteMissing -PassThru -Confirm:$false

        $result | Should -BeNullOrEmpty
        $after = Get-PageWrites
        $after.Created | Should -Be $before.Created
        $after.Updated | Should -Be $before.Updated
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-PageWrites

        @{ Key = 'K001'; Count = 99 }, @{ Key = 'K999' } | Sync-NotionDatabaseRow $database -Key Key -DeleteMissing -WhatIf

        $after = Get-PageWrites
        $after.Created | Should -Be $before.Created
        $after.Updated | Should -Be $before.Updated
    }

    It 'adds, updates only the changed cell, and trashes the row gone from the file' {
        $rows = @(Import-Csv -Path $csv)
        ($rows | Where-Object Key -EQ 'K002').Count = '100'
        $kept = @($rows | Where-Object Key -NE 'K003') + [pscustomobject]@{ Key = 'K021'; Count = '7'; Tags = 'a'; Due = '2026-04-01'; Owner = 'ada@acme.example' }
        $before = Get-PageWrites

        $result = $kept | Sync-NotionDatabaseRow $database -Key Key -DeleteMissing -PassThru -Confirm:$false

        $result | Should -HaveCount 3
        ($result | Where-Object Action -EQ 'Updated').Columns | Should -Be @('Count')
        ($result | Where-Object Action -EQ 'Added').Key | Should -Be 'K021'
        ($result | Where-Object Action -EQ 'Trashed').Key | Should -Be 'K003'
        $after = Get-PageWrites
        $after.Created - $before.Created | Should -Be 1
        $after.Updated - $before.Updated | Should -Be 2
        (Get-NotionDatabaseRow $database -Where @{ Key = 'K002' }).Count | Should -Be 100
        (Get-NotionDatabaseRow $database -Where @{ Key = 'K021' }).Owner.Email | Should -Be 'ada@acme.example'
    }

    It 'refuses duplicate keys in the input before writing anything' {
        $before = Get-PageWrites

        { @{ Key = 'K001'; Count = 1 }, @{ Key = 'K050' }, @{ Key = 'K001 ' } | Sync-NotionDatabaseRow $database -Key Key -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionSyncDuplicateInputKey,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand'
        (Get-PageWrites).Created | Should -Be $before.Created
        (Get-PageWrites).Updated | Should -Be $before.Updated
    }

    It 'asks before trashing (ConfirmImpact High), so a non-interactive run without -Confirm:$false writes nothing' {
        $before = Get-PageWrites
        $module = Join-Path $RepositoryRoot 'out/NotionPS/NotionPS.psd1'
        $script = "Import-Module '$module'; `$token = ConvertTo-SecureString '$($Demo.FullAccessToken)' -AsPlainText -Force; " +
            "Connect-NotionIntegration -Token `$token -BaseUri '$($Emulator.BaseUri)' | Out-Null; " +
            "try { @{ Key = 'K001' }, @{ Key = 'K900' } | Sync-NotionDatabaseRow '$database' -Key Key -DeleteMissing -ErrorAction Stop; 'synced' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"

        $output = Invoke-ChildPwsh -Script $script

        # The prompt for the trash part is what stops it: a non-interactive host cannot ask.
        $output | Should -Contain 'InvalidOperation,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand'
        $output -join ' ' | Should -Match 'NonInteractive'
        $after = Get-PageWrites
        $after.Created | Should -Be $before.Created
        $after.Updated | Should -Be $before.Updated
    }

    It 'refuses to trash every row when no input has a key' {
        $before = Get-PageWrites

        { @() | Sync-NotionDatabaseRow $database -Key Key -DeleteMissing -Confirm:$false } |
            Should -Throw -ErrorId 'NotionSyncNoInput,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand'
        (Get-PageWrites).Updated | Should -Be $before.Updated
    }

    It 'reports an input without a key and syncs the others' {
        $result = @{ Count = 5 }, @{ Key = 'K022' } | Sync-NotionDatabaseRow $database -Key Key -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotionSyncKeyMissing,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand'
        $result.Key | Should -Be 'K022'
    }
}

Describe 'Get-NotionDatabaseRow -EditedSince and -Checkpoint' {
    BeforeAll {
        $database = New-SyncDatabase -Title 'Pester changes since' -Count 5
        $checkpoint = Join-Path ([IO.Path]::GetTempPath()) "NotionPS-$([guid]::NewGuid().ToString('N')).checkpoint"
    }

    AfterAll {
        Remove-Item -Path $checkpoint -ErrorAction SilentlyContinue
    }

    It 'reads every row the first time and writes the time the read started, on Notion''s clock' {
        $start = [datetime]::UtcNow

        $rows = Get-NotionDatabaseRow $database -Checkpoint $checkpoint

        $rows | Should -HaveCount 5
        $written = [datetimeoffset]::Parse((Get-Content -Path $checkpoint -Raw).Trim(), [cultureinfo]::InvariantCulture).UtcDateTime
        # The start is moved onto Notion's clock as the Date header of its answers tells; that header has whole seconds and is
        # read when the answer arrives, so against the emulator on this machine the written time is the local start less a
        # second and the answer's way back (a bound of resolution, not of speed).
        $written | Should -BeGreaterOrEqual $start.AddSeconds(-2)
        $written | Should -BeLessOrEqual ([datetime]::UtcNow)
    }

    It 'then reads the rows edited since, and -EditedSince joins -Where' {
        Get-NotionDatabaseRow $database -Where @{ Key = 'K004' } | Set-NotionDatabaseRow -Property @{ Count = 40 }

        (Get-NotionDatabaseRow $database -Checkpoint $checkpoint).Key | Should -Contain 'K004'
        (Get-NotionDatabaseRow $database -EditedSince ([datetime]::UtcNow.AddMinutes(-1)) -Where @{ Key = 'K004' }).Count | Should -Be 40
        Get-NotionDatabaseRow $database -EditedSince ([datetime]::UtcNow.AddDays(1)) | Should -BeNullOrEmpty
    }

    It 'stops with NotionCheckpointInvalid when the file holds no time' {
        Set-Content -Path $checkpoint -Value 'last Tuesday'

        { Get-NotionDatabaseRow $database -Checkpoint $checkpoint } |
            Should -Throw -ErrorId 'NotionCheckpointInvalid,NotionPS.Cmdlets.GetNotionDatabaseRowCommand'
        Get-Content -Path $checkpoint | Should -Be 'last Tuesday'
    }
}
