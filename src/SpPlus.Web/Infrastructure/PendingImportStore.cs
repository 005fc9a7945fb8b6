using System.Text.Json;

namespace SpPlus.Web.Infrastructure;

/// <summary>An uploaded export kept between its preview and its confirmation.</summary>
public sealed record PendingImport(string Id, string FileName, string UserId, DateTime UploadedAtUtc);

/// <summary>
/// Keeps uploaded exports on the server between the preview and the confirm step: one file per upload under a random
/// id (a GUID) in a private folder (<c>Feedback:PendingImportsDirectory</c>, default <c>App_Data/imports</c> under the
/// content root), with a small metadata file (original name, uploader, time). A file is deleted once confirmed or
/// cancelled, and after <see cref="Lifetime"/> in any case. Ids from the client are accepted only in the GUID format,
/// and a file is only given back to the account that uploaded it; the client's file name is never used as a path.
/// </summary>
public sealed class PendingImportStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly ILogger<PendingImportStore> _logger;

    public PendingImportStore(IWebHostEnvironment environment, IConfiguration configuration, TimeProvider time, ILogger<PendingImportStore> logger)
    {
        var folder = configuration["Feedback:PendingImportsDirectory"] ?? Path.Combine("App_Data", "imports");
        _folder = Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
        _time = time;
        _logger = logger;
    }

    /// <summary>Copies at most <paramref name="maxBytes"/> bytes of the upload to a new file; null when the content is longer.</summary>
    public async Task<PendingImport?> SaveAsync(Stream content, string fileName, string userId, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        PurgeExpired();
        var pending = new PendingImport(Guid.NewGuid().ToString("N"), DisplayName(fileName), userId, _time.GetUtcNow().UtcDateTime);
        var dataPath = DataPath(pending.Id);
        var written = 0L;
        await using (var target = new FileStream(dataPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
        {
            var buffer = new byte[81_920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                if (written > maxBytes)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (written > maxBytes)
        {
            TryDelete(dataPath);
            return null;
        }

        await File.WriteAllTextAsync(MetaPath(pending.Id), JsonSerializer.Serialize(pending, JsonOptions), cancellationToken);
        return pending;
    }

    /// <summary>The upload of this id when it exists, belongs to <paramref name="userId"/> and has not expired.</summary>
    public PendingImport? Find(string? id, string userId)
    {
        if (!IsValidId(id) || !File.Exists(MetaPath(id!)) || !File.Exists(DataPath(id!)))
        {
            return null;
        }

        PendingImport? pending;
        try
        {
            pending = JsonSerializer.Deserialize<PendingImport>(File.ReadAllText(MetaPath(id!)), JsonOptions);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }

        if (pending is null || pending.Id != id || pending.UserId != userId)
        {
            return null;
        }

        if (_time.GetUtcNow().UtcDateTime - pending.UploadedAtUtc > Lifetime)
        {
            Delete(pending.Id);
            return null;
        }

        return pending;
    }

    public Stream OpenRead(PendingImport pending) =>
        new FileStream(DataPath(pending.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);

    public void Delete(string id)
    {
        if (!IsValidId(id))
        {
            return;
        }

        TryDelete(DataPath(id));
        TryDelete(MetaPath(id));
    }

    /// <summary>Deletes the uploads older than <see cref="Lifetime"/>.</summary>
    public void PurgeExpired()
    {
        if (!Directory.Exists(_folder))
        {
            return;
        }

        var limit = _time.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var path in Directory.EnumerateFiles(_folder))
        {
            if (File.GetLastWriteTimeUtc(path) < limit)
            {
                TryDelete(path);
            }
        }
    }

    private static bool IsValidId(string? id) =>
        id is { Length: 32 } && Guid.TryParseExact(id, "N", out _) && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 ? "export.csv" : name.Length <= 200 ? name : name[..200];
    }

    private string DataPath(string id) => Path.Combine(_folder, id + ".csv");

    private string MetaPath(string id) => Path.Combine(_folder, id + ".json");

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "A pending import file could not be deleted.");
        }
        catch (UnauthorizedAccessException e)
        {
            _logger.LogWarning(e, "A pending import file could not be deleted.");
        }
    }
}
