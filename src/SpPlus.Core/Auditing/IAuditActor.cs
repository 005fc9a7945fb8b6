namespace SpPlus.Core.Auditing;

/// <summary>Who is making the current change. The web app reads it from the signed-in user.</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? UserName { get; }
}

/// <summary>The actor for start-up seeding and background work.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static readonly SystemAuditActor Instance = new();

    public string? UserId => null;

    public string? UserName => null;
}
