param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration

    function Connect-DemoAs {
        param([string] $ApiVersion, [string] $Token = $Demo.FullAccessToken)
        Connect-NotionIntegration -Token (ConvertTo-SecureString -String $Token -AsPlainText -Force) -BaseUri $Emulator.BaseUri -ApiVersion $ApiVersion | Out-Null
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Comments under <_>' -ForEach '2025-09-03', '2026-03-11' {
    BeforeAll {
        Connect-DemoAs -ApiVersion $_
        $version = $_
    }

    It 'adds a comment with inline Markdown, replies by piping it, and lists both in order' {
        $first = Add-NotionComment -PageId $Demo.MeetingNotesId -Text "Backup **failed** on ``db01`` ($version)"
        $reply = $first | Add-NotionComment -Text 'Re-run *succeeded*'

        $first | Should -BeOfType ([NotionPS.NotionComment])
        $first.Text | Should -Be "Backup failed on db01 ($version)"
        $first.CreatedBy | Should -Be 'NotionPS Demo'
        $reply.DiscussionId | Should -Be $first.DiscussionId
        $listed = Get-NotionComment -PageId $Demo.MeetingNotesId
        $ids = @($listed.CommentId)
        $ids.IndexOf($reply.CommentId) | Should -Be ($ids.IndexOf($first.CommentId) + 1)
        ($reply | Get-NotionComment).CommentId | Should -Be $ids
    }

    It 'keeps a comment longer than 2,000 characters whole' {
        $text = 'x' * 4500

        (Add-NotionComment -PageId $Demo.MeetingNotesId -Text $text).Text | Should -Be $text
    }

    It 'shows comments at the prompt by time, author and text' {
        $shown = Add-NotionComment -PageId $Demo.MeetingNotesId -Text 'Shown at the prompt' | Format-Table | Out-String

        $shown | Should -Match 'CreatedBy'
        $shown | Should -Match 'Shown at the prompt'
    }
}

Describe 'A token without the comment capabilities' {
    BeforeAll {
        Connect-DemoAs -ApiVersion '2026-03-11' -Token $Demo.ReadOnlyToken
    }

    AfterAll {
        Connect-DemoAs -ApiVersion '2026-03-11'
    }

    It 'is told which capability to turn on, and where' {
        Get-NotionComment -PageId $Demo.MeetingNotesId -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -Be 'NotionRestrictedResource,NotionPS.Cmdlets.GetNotionCommentCommand'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match '"Read comments" capability.*under Capabilities'
    }

    It 'cannot add a comment either' {
        { Add-NotionComment -PageId $Demo.MeetingNotesId -Text 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionRestrictedResource,NotionPS.Cmdlets.AddNotionCommentCommand'
    }
}

Describe 'Move-, Remove- and Restore-NotionPage' {
    BeforeAll {
        Connect-DemoAs -ApiVersion '2026-03-11'
    }

    It 'moves a row under a page and back into its database' {
        $row = @{ Name = 'Pester mover' } | Add-NotionDatabaseRow -DatabaseId $Demo.TasksId

        $page = $row | Move-NotionPage -ParentId $Demo.MeetingNotesId
        $back = $page | Move-NotionPage -ParentId $Demo.TasksUrl

        $page | Should -BeOfType ([NotionPS.NotionPage])
        $page.ParentType | Should -Be 'page_id'
        $page.ParentId | Should -Be $Demo.MeetingNotesId
        $back.ParentType | Should -Be 'data_source_id'
        (Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Where @{ Name = 'Pester mover' }).PageId | Should -Be $row.PageId
    }

    It 'trashes and restores a pipeline of pages, reporting the bad one in the middle and going on' {
        $rows = 'One', 'Two' | ForEach-Object { @{ Name = "Pester trash $_" } } | Add-NotionDatabaseRow -DatabaseId $Demo.TasksId
        $pages = $rows[0].PageId, 'not-a-page', $rows[1].PageId

        $trashed = $pages | Remove-NotionPage -Confirm:$false -PassThru -ErrorVariable removeFailed -ErrorAction SilentlyContinue
        $left = Get-NotionDatabaseRow -DatabaseId $Demo.TasksId | Where-Object Name -Like 'Pester trash*'
        $restored = $pages | Restore-NotionPage -PassThru -ErrorVariable restoreFailed -ErrorAction SilentlyContinue

        $trashed.InTrash | Should -Be @($true, $true)
        $removeFailed.FullyQualifiedErrorId | Should -Be 'InvalidNotionUrl,NotionPS.Cmdlets.RemoveNotionPageCommand'
        $left | Should -BeNullOrEmpty
        $restored.InTrash | Should -Be @($false, $false)
        $restoreFailed.FullyQualifiedErrorId | Should -Be 'InvalidNotionUrl,NotionPS.Cmdlets.RestoreNotionPageCommand'
        (Get-NotionDatabaseRow -DatabaseId $Demo.TasksId | Where-Object Name -Like 'Pester trash*').PageId | Sort-Object | Should -Be ($rows.PageId | Sort-Object)
    }

    It 'asks before trashing (ConfirmImpact High) and changes nothing with -WhatIf' {
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command Remove-NotionPage))
        $metadata.ConfirmImpact | Should -Be 'High'

        Remove-NotionPage -PageId $Demo.MeetingNotesId -WhatIf

        (Invoke-NotionApi -Method GET -Path "v1/pages/$($Demo.MeetingNotesId)").in_trash | Should -BeFalse
    }
}
