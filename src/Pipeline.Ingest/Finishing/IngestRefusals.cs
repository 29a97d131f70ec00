namespace Pipeline.Ingest.Finishing;

/// <summary>Reasons ingest itself refuses a file, worded for the person who dropped it.</summary>
internal static class IngestRefusals
{
    public static (string Error, string WhatToDo) SymbolicLink(string target) => (
        $"The file is a symbolic link (to '{target}'). Links are never followed, so nothing outside the inbox is read.",
        "Copy the file itself into the inbox instead of linking to it.");

    public static (string Error, string WhatToDo) Empty() => (
        "The file is empty (0 bytes).",
        "Check the program that wrote it; drop the file again once it has content.");

    public static (string Error, string WhatToDo) TooLarge(long size, long limit) => (
        $"The file is {size:N0} bytes, above the limit of {limit:N0} bytes (Ingest:MaxFileSizeBytes).",
        "Split it into smaller files, or raise Ingest:MaxFileSizeBytes if files this large are expected.");

    public static (string Error, string WhatToDo) Unreadable(string detail) => (
        $"The file cannot be read: {detail}",
        "Give the pipeline's user read permission (for example chmod a+r), then move the file back into the inbox.");

    public static (string Error, string WhatToDo) KeepsGrowing(TimeSpan waited) => (
        $"The file was still changing {waited.TotalSeconds:N0} seconds after it appeared (Ingest:GrowingFileTimeout).",
        "Write files elsewhere and move them into the inbox when complete, or raise Ingest:GrowingFileTimeout for slow uploads.");

    public static (string Error, string WhatToDo) ChangedWhileRead() => (
        "The file changed while it was being read, so what was read may not be what was meant.",
        "Write files elsewhere and move them into the inbox when complete, then drop this one again.");
}
