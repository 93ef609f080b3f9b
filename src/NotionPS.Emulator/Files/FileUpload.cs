namespace NotionPS.Emulator.Files;

public enum UploadMode
{
    SinglePart,
    MultiPart,
    ExternalUrl,
}

/// <summary>One file upload: what was declared at creation, the parts received so far, and where it stands.</summary>
public sealed class FileUpload
{
    public required Guid Id { get; init; }

    /// <summary>The integration that created it: only it lists, sends to, completes and attaches the upload.</summary>
    public required Guid IntegrationId { get; init; }

    /// <summary>The user shown as created_by: the bot, or the person behind a personal access token.</summary>
    public required Guid CreatorId { get; init; }
    public required bool CreatedByPerson { get; init; }
    public required UploadMode Mode { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public DateTimeOffset LastEditedTime { get; set; }

    /// <summary>When an upload not yet attached expires; null once it has been attached.</summary>
    public DateTimeOffset? ExpiryTime { get; set; }

    public string? Filename { get; set; }
    public string? ContentType { get; set; }
    public long? ContentLength { get; set; }
    public int? NumberOfParts { get; init; }
    public string? ExternalUrl { get; init; }

    /// <summary>Multi-part: the size of each part received, by part number.</summary>
    public SortedDictionary<int, long> Parts { get; } = [];

    /// <summary>The content is all there (sent, or a multi-part upload completed, or an external URL imported).</summary>
    public bool IsUploaded { get; set; }

    public DateTimeOffset? ImportedTime { get; set; }

    /// <summary>Notion's status at <paramref name="now"/>: an upload not attached by its expiry_time is expired.</summary>
    public string Status(DateTimeOffset now) =>
        ExpiryTime is { } expiry && now >= expiry ? "expired" : IsUploaded ? "uploaded" : "pending";
}
