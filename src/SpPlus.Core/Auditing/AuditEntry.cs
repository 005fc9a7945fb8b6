namespace SpPlus.Core.Auditing;

/// <summary>One change to one entity, written by <see cref="AuditInterceptor"/>. Append-only.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime TimestampUtc { get; set; }

    public string? UserId { get; set; }

    /// <summary>The actor's e-mail at the time of the change, or "système".</summary>
    public string UserName { get; set; } = "";

    /// <summary>The entity's CLR type name, e.g. "Structure".</summary>
    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>JSON object: property → { "old": ..., "new": ... }.</summary>
    public string Changes { get; set; } = "{}";
}

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
}

public static class AuditActionLabels
{
    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.Added => "Création",
        AuditAction.Modified => "Modification",
        AuditAction.Deleted => "Suppression",
        _ => action.ToString(),
    };
}
