namespace NotionPS.Emulator.Tests;

/// <summary>The fixed IDs and tokens of the built-in demo workspace.</summary>
internal static class Demo
{
    public const string FullToken = "demo-token-full-access";
    public const string ReadOnlyToken = "demo-token-read-only";
    public const string FullIntegrationName = "NotionPS Demo";
    public const string FullBotId = "b0b0b0b0-0000-4000-8000-000000000001";
    public const string ReadOnlyBotId = "b0b0b0b0-0000-4000-8000-000000000002";
    public const string WorkspaceId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string TeamHomePage = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
    public const string MeetingNotesPage = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";
    public const string CustomEmoji = "ce0e0000-0000-4000-8000-000000000001";
    public const string TasksDatabase = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    public const string TasksDataSource = "2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d";
    public const string PrivateNotesDatabase = "3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7";
    public const string PrivateNotesDataSource = "a3b4c5d6-e7f8-4091-8a2b-3c4d5e6f7081";
    public const string ProjectsDatabase = "5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9";
    public const string ActiveDataSource = "6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0";
    public const string ArchiveDataSource = "708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1";
    public const string LinkedNotesDatabase = "8192a3b4-c5d6-4e07-b5c6-d7e8f9a0b1c2";
    public const string FirstTaskRow = "e1000000-0000-4000-8000-000000000001";
    public const string Ada = "c1a55e00-0000-4000-8000-000000000001";
    public const string Grace = "c1a55e00-0000-4000-8000-000000000002";
    public const int TaskRowCount = 12;
}
