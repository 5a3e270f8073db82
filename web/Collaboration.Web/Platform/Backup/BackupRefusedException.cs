namespace Collaboration.Web.Platform.Backup;

/// <summary>A backup or restore that cannot be done as asked (the reason, in French and English, is the message).</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
