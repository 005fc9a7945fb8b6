using SpPlus.Core.Data;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Engagements;

/// <summary>The national platform where users give their opinion (« Je donne mon avis avec Services Publics + »).</summary>
public static class OpinionPlatform
{
    /// <summary>Its address: the default of the opinion form's address (<see cref="SettingKeys.OpinionFormUrl"/>).</summary>
    public const string Url = "https://www.plus.transformation.gouv.fr/";

    /// <summary>
    /// The address where users give their opinion, for the public pages' « Donner mon avis » links and the posters' QR
    /// code: the one the administrator set (<see cref="SettingKeys.OpinionFormUrl"/>), or <see cref="Url"/> when none is
    /// set or the stored one is not a valid https:// address (one query).
    /// </summary>
    public static Task<string> OpinionFormUrlAsync(this SpPlusDbContext db, CancellationToken cancellationToken = default) =>
        db.UrlSettingAsync(SettingKeys.OpinionFormUrl, SettingKeys.DefaultOpinionFormUrl, cancellationToken);
}
