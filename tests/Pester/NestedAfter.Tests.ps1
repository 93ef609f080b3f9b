param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'

    # A toggle holding a heading and two paragraphs, and a top-level heading after it.
    $runbook = "<details>`n<summary>Steps</summary>`n`t## Prepare`n`n`tfirst`n`n`tlast`n</details>`n`n# Contacts`n"
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Set-NotionPageContent -After a nested block under <_>' -ForEach '2022-06-28', '2025-09-03', '2026-03-11' {
    BeforeAll {
        Connect-NotionIntegration -Token (ConvertTo-SecureString -String $Demo.FullAccessToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -ApiVersion $_ | Out-Null
    }

    It 'inserts right after a block inside a toggle, named by its ID' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Nested by ID' -Markdown $runbook
        $first = (Get-NotionPageContent -PageId $page -AsBlocks)[0].children[1].id

        Set-NotionPageContent -PageId $page -After $first -Markdown 'between'

        Get-NotionPageContent -PageId $page | Should -BeExactly "<details>`n<summary>Steps</summary>`n`t## Prepare`n`n`tfirst`n`n`tbetween`n`n`tlast`n</details>`n`n# Contacts`n"
    }

    It 'inserts right after a heading inside a toggle, named by its text' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Nested by heading' -Markdown $runbook

        Set-NotionPageContent -PageId $page -After 'prepare' -Markdown 'Stop the service.'

        Get-NotionPageContent -PageId $page | Should -BeExactly "<details>`n<summary>Steps</summary>`n`t## Prepare`n`n`tStop the service.`n`n`tfirst`n`n`tlast`n</details>`n`n# Contacts`n"
    }
}

Describe 'Set-NotionPageContent -After refuses what cannot work, writing nothing' {
    BeforeAll {
        Connect-Demo | Out-Null
    }

    It 'takes the shallowest heading with the text, and refuses the same text twice at that depth as ambiguous' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Twice' -Markdown "# Prepare`n`n$runbook"

        Set-NotionPageContent -PageId $page -After 'Prepare' -Markdown 'top'
        Get-NotionPageContent -PageId $page | Should -BeExactly "# Prepare`n`ntop`n`n$runbook"

        $topBlocks = Get-NotionPageContent -PageId $page -AsBlocks
        Set-NotionPageContent -PageId $page -After $topBlocks[1].id -Markdown '# Prepare'

        { Set-NotionPageContent -PageId $page -After 'Prepare' -Markdown 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionPageAnchorAmbiguous,NotionPS.Cmdlets.SetNotionPageContentCommand'
        Get-NotionPageContent -PageId $page | Should -BeExactly "# Prepare`n`ntop`n`n# Prepare`n`n$runbook"
    }

    It 'refuses a block of another page, and still writes the other page of the pipeline' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Here' -Markdown $runbook
        $other = New-NotionPage -ParentId $teamHome -Title 'There' -Markdown 'there'
        $there = (Get-NotionPageContent -PageId $other -AsBlocks)[0].id

        $page, $other | Set-NotionPageContent -After $there -Markdown 'after there' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.FullyQualifiedErrorId | Should -Be 'NotionPageAnchorOnOtherPage,NotionPS.Cmdlets.SetNotionPageContentCommand'
        $failed.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-NotionPageContent -PageId $page | Should -BeExactly $runbook
        Get-NotionPageContent -PageId $other | Should -BeExactly "there`n`nafter there`n"
    }

    It 'refuses the page itself as a block nothing can follow' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Itself' -Markdown $runbook

        { Set-NotionPageContent -PageId $page -After $page.PageId -Markdown 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionPageAnchorTakesNoSiblings,NotionPS.Cmdlets.SetNotionPageContentCommand'
        Get-NotionPageContent -PageId $page | Should -BeExactly $runbook
    }
}
