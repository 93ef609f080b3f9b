param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'

    # Every construct of issue 16, in NotionPS's normalised form (about_NotionPS_PageContent): it reads back unchanged.
    $everyConstruct = [IO.File]::ReadAllText((Join-Path $RepositoryRoot 'tests/TestData/every-construct.md')).Replace("`r`n", "`n")
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Markdown round trips under <_>' -ForEach '2025-09-03', '2026-03-11' {
    BeforeAll {
        Connect-NotionIntegration -Token (ConvertTo-SecureString -String $Demo.FullAccessToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -ApiVersion $_ | Out-Null
    }

    It 'reads back a page made by New-NotionPage -Markdown from a file unchanged' {
        $file = Join-Path $TestDrive 'report.md'
        Set-Content -Path $file -Value $everyConstruct -NoNewline

        $page = Get-Content $file -Raw | New-NotionPage -ParentId $teamHome -Title 'Round trip'

        $page | Should -BeOfType ([NotionPS.NotionPage])
        Get-NotionPageContent -PageId $page | Should -BeExactly $everyConstruct
    }

    It 'reads back the same content appended to an existing page' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Appended'

        Set-NotionPageContent -PageId $page -Markdown $everyConstruct -Append

        $page | Get-NotionPageContent | Should -BeExactly $everyConstruct
    }

    It 'writes and reads a 1,000-block page in order' {
        $markdown = ((1..1000 | ForEach-Object { "Paragraph $_" }) -join "`n`n") + "`n"

        $page = New-NotionPage -ParentId $teamHome -Title 'Long' -Markdown $markdown

        Get-NotionPageContent -PageId $page | Should -BeExactly $markdown
        $blocks = Get-NotionPageContent -PageId $page -AsBlocks
        $blocks.Count | Should -Be 1000
        $blocks[999].paragraph.rich_text[0].plain_text | Should -Be 'Paragraph 1000'
    }
}

Describe 'Page cmdlets' {
    BeforeAll {
        Connect-Demo | Out-Null
    }

    It 'copies a table through its Markdown with the same cells: leading spaces, only spaces, a pipe, a line break, none' {
        $source = New-NotionPage -ParentId $teamHome -Title 'Cells'
        $table = '{"type":"table","table":{"table_width":5,"has_column_header":false,"children":[{"type":"table_row","table_row":{"cells":[[{"text":{"content":" a"}}],[{"text":{"content":"   "}}],[{"text":{"content":"b|c"}}],[{"text":{"content":"x\ny"}}],[]]}}]}}'
        $null = Invoke-NotionApi -Method Patch -Path "v1/blocks/$($source.PageId)/children" -Body @{ children = @($table | ConvertFrom-Json -AsHashtable) }
        $cells = { param($page) (Get-NotionPageContent -PageId $page -AsBlocks).children[0].table_row.cells | ForEach-Object { @($_ | ForEach-Object plain_text) -join '' } }

        $markdown = Get-NotionPageContent -PageId $source
        $copy = New-NotionPage -ParentId $teamHome -Title 'Cells copy' -Markdown $markdown

        $markdown | Should -BeExactly "|  |  |  |  |  |`n| --- | --- | --- | --- | --- |`n| &#32;a | &#32; &#32; | b\|c | x<br>y |  |`n"
        & $cells $copy | Should -BeExactly @(' a', '   ', 'b|c', "x`ny", '')
    }

    It 'reads toggles three levels deep completely, children of children included' {
        $markdown = "<details>`n<summary>one</summary>`n`t<details>`n`t<summary>two</summary>`n`t`t<details>`n`t`t<summary>three</summary>`n`t`t`tdeepest`n`t`t</details>`n`t</details>`n</details>`n"
        $page = New-NotionPage -ParentId $teamHome -Title 'Toggles' -Markdown $markdown

        Get-NotionPageContent -PageId $page | Should -BeExactly $markdown
        $three = (Get-NotionPageContent -PageId $page -AsBlocks).children[0].children[0]
        $three.toggle.rich_text[0].plain_text | Should -Be 'three'
        $three.children[0].paragraph.rich_text[0].plain_text | Should -Be 'deepest'
    }

    It 'shows a child page as a placeholder comment, and passes its block through with -AsBlocks' {
        $parent = New-NotionPage -ParentId $teamHome -Title 'Parent' -Markdown 'Intro'
        $child = New-NotionPage -ParentId $parent -Title 'Child'

        Get-NotionPageContent -PageId $parent | Should -BeExactly "Intro`n`n<!-- notion-block type=`"child_page`" id=`"$($child.PageId)`" title=`"Child`" -->`n"
        (Get-NotionPageContent -PageId $parent -AsBlocks)[1].child_page.title | Should -Be 'Child'
    }

    It 'inserts after a heading, and replaces the content only with -Confirm:$false given' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Sections' -Markdown "# One`n`n# Two"

        Set-NotionPageContent -PageId $page -After 'One' -Markdown 'under one'
        Set-NotionPageContent -PageId $page -Replace -Markdown 'only this' -WhatIf

        Get-NotionPageContent -PageId $page | Should -BeExactly "# One`n`nunder one`n`n# Two`n"
        Set-NotionPageContent -PageId $page -Replace -Markdown 'only this' -Confirm:$false
        Get-NotionPageContent -PageId $page | Should -BeExactly "only this`n"
    }

    It 'gets a row''s page from Get-NotionDatabaseRow' {
        $row = Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -First 1

        $page = $row | Get-NotionPage

        $page.PageId | Should -Be $row.PageId
        $page.ParentType | Should -Be 'data_source_id'
    }

    It 'refuses Markdown it cannot write with an error naming the line' {
        { New-NotionPage -ParentId $teamHome -Title 'Never' -Markdown "ok`n`n<callout>`nno end" -ErrorAction Stop } |
            Should -Throw -ErrorId 'MarkdownBlockNotClosed,NotionPS.Cmdlets.NewNotionPageCommand' -ExpectedMessage '*Markdown line 3*'
    }

    It 'refuses a link Notion would refuse, naming the line, and creates no page' {
        { New-NotionPage -ParentId $teamHome -Title 'Never a link' -Markdown "ok`n`nsee [the notes](./notes.md#top)" -ErrorAction Stop } |
            Should -Throw -ErrorId 'MarkdownInvalidUrl,NotionPS.Cmdlets.NewNotionPageCommand' -ExpectedMessage "*Markdown line 3: the link './notes.md#top'*https://*"
        Get-NotionPageContent -PageId $teamHome -AsBlocks | Where-Object { $_.type -eq 'child_page' -and $_.child_page.title -eq 'Never a link' } | Should -BeNullOrEmpty
    }

    It 'says which data source to pick for a database with several' {
        { New-NotionPage -ParentId $Demo.ProjectsId -Title 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionDatabaseHasSeveralDataSources,NotionPS.Cmdlets.NewNotionPageCommand' -ExpectedMessage '*"Active"*"Archive"*'
    }

    It 'says a linked database cannot take rows, and what to share instead' {
        New-NotionPage -ParentId $Demo.LinkedNotesId -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotionNoDataSource,NotionPS.Cmdlets.NewNotionPageCommand'
        $failed[0].ErrorDetails.Message | Should -BeLike '*linked database*share it with the integration*'
    }
}
