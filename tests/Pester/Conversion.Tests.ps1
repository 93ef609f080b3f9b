param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $tasks = $Demo.TasksId

    # What a European Excel export and an American one may hold, in one file: the rule must give every
    # row the same outcome on every machine.
    $csv = Join-Path ([IO.Path]::GetTempPath()) "notionps-culture-$PID.csv"
    @'
Name,Estimate,Due
comma decimal,"2,50",01.02.2025
dot decimal,2.5,2025-02-01
short comma,"1,5",1.2.2025
ambiguous number,"1,234",2025-02-01
thousands separator,"1.234,5",2025-02-01
ambiguous date,3,01/02/2025
day over twelve,3,31/01/2025
mail date,3,"Fri, 31 Jan 2025 09:30:00 GMT"
too precise,12345678901234567.891,2025-02-01
'@ | Set-Content -Path $csv -Encoding utf8

    function Get-Outcome {
        # Each row's stored Estimate and Due, or its error id and message, by name.
        param([string] $Culture)

        Invoke-InCulture $Culture {
            $rows = Import-Csv $csv | ForEach-Object { $_.Name = "$Culture $($_.Name)"; $_ } |
                Add-NotionDatabaseRow $tasks -ErrorVariable failures -ErrorAction SilentlyContinue
            $outcome = [ordered]@{}
            foreach ($row in $rows) {
                $outcome[$row.Name.Substring($Culture.Length + 1)] = 'stored {0} {1}' -f $row.Estimate.ToString([cultureinfo]::InvariantCulture), $row.Due.ToString('o', [cultureinfo]::InvariantCulture)
            }
            foreach ($failure in $failures) {
                $name = [regex]::Match($failure.ToString(), "^Row \d+ \(""$Culture (?<name>[^""]+)""\)").Groups['name'].Value
                $outcome[$name] = '{0}: {1}' -f $failure.FullyQualifiedErrorId, ($failure.ToString() -replace '^Row \d+ \([^)]*\): ', '')
            }
            $outcome
        }
    }
}

AfterAll {
    Remove-Item $csv -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

Describe 'Numbers and dates from text' {
    BeforeAll {
        $german = Get-Outcome 'de-DE'
        $american = Get-Outcome 'en-US'
    }

    It 'gives every row of the same CSV the same outcome under de-DE and en-US' {
        $german.Count | Should -Be 9
        foreach ($name in $german.Keys) {
            $american[$name] | Should -Be $german[$name] -Because "row '$name' must not depend on the culture"
        }
    }

    It 'stores comma decimals and day-first dotted dates as written' {
        $german['comma decimal'] | Should -Be 'stored 2.5 2025-02-01T00:00:00.0000000'
        $german['short comma'] | Should -Be 'stored 1.5 2025-02-01T00:00:00.0000000'
        $german['dot decimal'] | Should -Be 'stored 2.5 2025-02-01T00:00:00.0000000'
        $german['day over twelve'] | Should -Be 'stored 3 2025-01-31T00:00:00.0000000'
    }

    It 'keeps the instant of a mail (RFC 1123) date' {
        $german['mail date'] | Should -BeLike 'stored 3 2025-01-31T09:30:00.0000000*'
    }

    It 'refuses, naming the column and value, what cultures read differently or Notion cannot keep' {
        $german['ambiguous number'] | Should -BeLike "NotionRowValueInvalid,*Column 'Estimate' (number) cannot take '1,234'*1234*"
        $german['thousands separator'] | Should -BeLike 'NotionRowValueInvalid,*thousands separators are not accepted*'
        $german['ambiguous date'] | Should -BeLike "NotionRowValueInvalid,*Column 'Due' (date) cannot take '01/02/2025'*2025-02-01*"
        $german['too precise'] | Should -BeLike 'NotionRowValueInvalid,*more significant digits*'
    }

    It 'reads -Where values by the same rule' {
        Invoke-InCulture 'de-DE' {
            (Get-NotionDatabaseRow $tasks -Where @{ Estimate = '2,5'; Name = 'de-DE comma decimal' }).Name | Should -Be 'de-DE comma decimal'
            Get-NotionDatabaseRow $tasks -Where @{ Estimate = '1,234' } -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'NotionRowValueInvalid,*'
        }
    }
}

Describe 'Dates keep their instant in any time zone' {
    It 'stores offsets, GMT and Local DateTimes as the same instant under TZ=America/New_York' {
        $script = @"
Import-Module '$((Get-Module NotionPS).Path -replace '\.dll$', '.psd1')'
`$null = Connect-NotionIntegration -Token (ConvertTo-SecureString -String '$($Demo.FullAccessToken)' -AsPlainText -Force) -BaseUri '$($Emulator.BaseUri)'
[TimeZoneInfo]::Local.BaseUtcOffset.TotalHours
foreach (`$due in '2025-01-31T15:00:00+05', 'Fri, 31 Jan 2025 09:30:00 GMT', [datetime]::new(2025, 1, 31, 10, 0, 0, [DateTimeKind]::Local)) {
    `$row = Add-NotionDatabaseRow '$tasks' @{ Name = 'time zone'; Due = `$due }
    (Invoke-NotionApi "v1/pages/`$(`$row.PageId)").properties.Due.date.start
}
"@
        $lines = @(Invoke-ChildPwsh -Script $script -Environment @{ TZ = 'America/New_York' })

        $lines[0] | Should -Be -5 -Because 'the child process must really run in New York time'
        $lines[1..3] | Should -Be @('2025-01-31T15:00:00.000+05:00', '2025-01-31T09:30:00.000Z', '2025-01-31T10:00:00.000-05:00')
    }
}

Describe 'Values that cannot be written' {
    It 'refuses NaN, a hashtable as text, and input with nothing to write, each on its own row' {
        $inputs = @{ Name = 'nan'; Estimate = [double]::NaN }, @{ Name = @{ a = 1 } }, 42, @{}, [pscustomobject]@{}, @{ Nope = 1 }, @{ Name = 'ok'; Estimate = [DBNull]::Value; Due = [DBNull]::Value }
        $rows = $inputs | Add-NotionDatabaseRow $tasks -IgnoreUnknownProperty -ErrorVariable failures -ErrorAction SilentlyContinue

        $rows.Name | Should -Be 'ok'
        $failures.FullyQualifiedErrorId | Should -Be @(
            'NotionNumberNotFinite,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
            'NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
            'NotionRowEmpty,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
            'NotionRowEmpty,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
            'NotionRowEmpty,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
            'NotionRowEmpty,NotionPS.Cmdlets.AddNotionDatabaseRowCommand')
        $failures[1].ToString() | Should -BeLike "*Column 'Name' (title) cannot take a hashtable or object*"
        $failures[1].ToString() | Should -Not -BeLike '*System.*'
    }

    It 'refuses -Where $null at binding, not reading every row' {
        { Get-NotionDatabaseRow $tasks -Where $null } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NotionPS.Cmdlets.GetNotionDatabaseRowCommand'
    }

    It 'matches any of several -Where values' {
        $names = 'Write the quick-start guide', 'de-DE dot decimal'

        (Get-NotionDatabaseRow $tasks -Where @{ Name = $names }).Name | Sort-Object | Should -Be ($names | Sort-Object)
    }
}
