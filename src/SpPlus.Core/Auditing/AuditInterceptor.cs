using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SpPlus.Core.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, modified or deleted entity, with the old and new values,
/// in the same transaction as the change. Entities whose keys the database generates are completed after the
/// first save and written by a second save inside the same transaction.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Properties never written to the log (secrets and technical stamps).</summary>
    private static readonly HashSet<string> HiddenProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "ConcurrencyToken", "NormalizedEmail", "NormalizedUserName",
    ];

    private static readonly HashSet<string> IgnoredTypes =
    [
        nameof(AuditEntry), "DataProtectionKey", "IdentityUserToken`1", "IdentityUserLogin`1",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private List<PendingAudit>? _pending;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingPending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context, beginTransaction: ctx => ctx.Database.BeginTransaction());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !_writingPending && NeedsOwnTransaction(context))
        {
            _ownTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }

        Capture(eventData.Context, beginTransaction: null);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending is { Count: > 0 } && !_writingPending)
        {
            AddPending(context);
            _writingPending = true;
            try
            {
                context.SaveChanges();
            }
            finally
            {
                _writingPending = false;
            }
        }

        if (!_writingPending && _ownTransaction is { } transaction)
        {
            transaction.Commit();
            transaction.Dispose();
            _ownTransaction = null;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending is { Count: > 0 } && !_writingPending)
        {
            AddPending(context);
            _writingPending = true;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                _writingPending = false;
            }
        }

        if (!_writingPending && _ownTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            _ownTransaction = null;
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    private void Abandon()
    {
        _pending = null;
        if (!_writingPending && _ownTransaction is { } transaction)
        {
            transaction.Rollback();
            transaction.Dispose();
            _ownTransaction = null;
        }
    }

    private bool NeedsOwnTransaction(DbContext context) =>
        context.Database.CurrentTransaction is null
        && context.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && !IsIgnored(e) && e.Properties.Any(p => p.IsTemporary));

    private void Capture(DbContext? context, Func<DbContext, IDbContextTransaction>? beginTransaction)
    {
        if (context is null || _writingPending)
        {
            return;
        }

        if (beginTransaction is not null && NeedsOwnTransaction(context))
        {
            _ownTransaction = beginTransaction(context);
        }

        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow().UtcDateTime;
        var pending = new List<PendingAudit>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (IsIgnored(entry) || entry.State is EntityState.Detached or EntityState.Unchanged)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var changes = ChangesOf(entry, action);
            if (action == AuditAction.Modified && changes.Count == 0)
            {
                continue;
            }

            var audit = new AuditEntry
            {
                TimestampUtc = now,
                UserId = actor.UserId,
                UserName = actor.UserName ?? "système",
                EntityType = entry.Metadata.ClrType.Name,
                Action = action,
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
            };
            if (entry.Properties.Any(p => p.IsTemporary))
            {
                pending.Add(new PendingAudit(entry, audit));
            }
            else
            {
                audit.EntityId = KeyOf(entry);
                context.Add(audit);
            }
        }

        _pending = pending;
    }

    private void AddPending(DbContext context)
    {
        foreach (var (entry, audit) in _pending!)
        {
            // Generated keys and foreign keys are known only now.
            audit.EntityId = KeyOf(entry);
            audit.Changes = JsonSerializer.Serialize(ChangesOf(entry, audit.Action), JsonOptions);
            context.Add(audit);
        }

        _pending = null;
    }

    private static Dictionary<string, object?> ChangesOf(EntityEntry entry, AuditAction action)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            // A generated key says nothing (it is the entry's id); other keys, such as a user's role, are the change itself.
            if (HiddenProperties.Contains(property.Metadata.Name)
                || property.Metadata.IsPrimaryKey() && property.Metadata.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && action == AuditAction.Added)
            {
                continue;
            }

            switch (action)
            {
                case AuditAction.Added:
                    changes[property.Metadata.Name] = new { @new = property.CurrentValue };
                    break;
                case AuditAction.Deleted:
                    changes[property.Metadata.Name] = new { old = property.OriginalValue };
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        changes[property.Metadata.Name] = new { old = property.OriginalValue, @new = property.CurrentValue };
                    }

                    break;
            }
        }

        return changes;
    }

    private static bool IsIgnored(EntityEntry entry) =>
        IgnoredTypes.Contains(entry.Metadata.ClrType.Name) || entry.Metadata.IsOwned();

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private sealed record PendingAudit(EntityEntry Entry, AuditEntry Audit);
}
