namespace SpPlus.Web.MySpace;

/// <summary>One thing waiting for the current user on "Mon espace": a draft to finish, an item to review...</summary>
public sealed record MySpaceItem(
    string Title,
    string Description,
    string Url,
    string? BadgeText = null,
    string BadgeType = "info",
    int Priority = 0);

/// <summary>
/// An area's contribution to "Mon espace". Each area registers one; the home page asks them all.
/// A provider returns only what the user may act on, with a bounded query (no query per row).
/// </summary>
public interface IMySpaceProvider
{
    Task<IReadOnlyList<MySpaceItem>> GetItemsAsync(CancellationToken cancellationToken);
}
