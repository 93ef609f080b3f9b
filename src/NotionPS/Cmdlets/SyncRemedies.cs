using System;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a sync that cannot be planned, or a checkpoint file that cannot be used.</summary>
    internal static class SyncRemedies
    {
        public static string? For(NotionException exception) => exception switch
        {
            SyncKeyException { ErrorId: NotionErrorIds.NotionSyncKeyMissing } missing => $"Give each input a value in the -Key column '{missing.Column}'.",
            SyncKeyException { ErrorId: NotionErrorIds.NotionSyncDuplicateInputKey } => "Make the key unique in the input (one row per key), or choose another -Key.",
            SyncKeyException { ErrorId: NotionErrorIds.NotionSyncDuplicateNotionKey } =>
                "Trash or change the rows with the same key in Notion (find them with Get-NotionDatabaseRow -Where), or choose another -Key.",
            SyncKeyException { ErrorId: NotionErrorIds.NotionSyncNoInput } =>
                "Check the input (an empty file or a failed export upstream?). To empty the database on purpose, pipe its rows to Remove-NotionDatabaseRow.",
            IncompleteReadException _ => "A sync needs every row: narrow the data source (split it), or add rows with Add-NotionDatabaseRow -MatchOn instead.",
            CheckpointException { ErrorId: NotionErrorIds.NotionCheckpointInvalid } =>
                $"Write one time such as {ReadCheckpoint.Format(new DateTime(2026, 1, 31, 9, 30, 0, DateTimeKind.Utc))} into the file, or delete the file to read every row once more.",
            CheckpointException { ErrorId: NotionErrorIds.NotionCheckpointWriteFailed } =>
                "Give a -Checkpoint path in a folder that exists and can be written to. The rows of this read were output; the next run reads them again.",
            CheckpointException _ => "Check that this account can read the file, or give another -Checkpoint path.",
            _ => null,
        };
    }
}
