namespace NotionPS.Errors
{
    /// <summary>
    /// The ErrorCategory values NotionPS uses, mirrored by name and number so that code below the cmdlets
    /// can name a category without referencing PowerShell (ErrorIdTests holds them equal).
    /// </summary>
    internal enum NotionErrorCategory
    {
        NotSpecified = 0,
        InvalidArgument = 5,
        InvalidData = 6,
        InvalidOperation = 7,
        NotInstalled = 12,
        ObjectNotFound = 13,
        OperationStopped = 14,
        OperationTimeout = 15,
        PermissionDenied = 18,
        ResourceBusy = 19,
        ResourceExists = 20,
        ResourceUnavailable = 21,
        ReadError = 22,
        WriteError = 23,
        ConnectionError = 27,
        AuthenticationError = 28,
        LimitsExceeded = 29,
    }
}
