namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// An emulator for one test class alone. A workspace budget declared with -WorkspaceRequestsPerMinute holds for the
/// rest of the process for that API address and workspace (the smaller declaration wins), as it does in a user's
/// session, so a class that declares one, or that spends a workspace budget on purpose, gets an address of its own
/// and never paces or slows the shared emulator's tests.
/// </summary>
public sealed class IsolatedEmulatorFixture : EmulatorFixture
{
}
