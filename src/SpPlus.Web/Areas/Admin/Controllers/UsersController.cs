using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Web.Areas.Admin.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Admin.Controllers;

/// <summary>
/// The accounts: list and filters, creation, edition (roles, structures, a new password), disabling and enabling.
/// Accounts are never deleted. The rules live in <see cref="AccountAdministrationService"/>.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administration)]
public sealed class UsersController(
    SpPlusDbContext db,
    AccountAdministrationService accounts,
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
    TimeProvider time,
    ILogger<UsersController> logger) : Controller
{
    public const int PageSize = 20;

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] UserListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Users.AsNoTracking();
        var isFiltered = false;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = LikePattern.Containing(filter.Search);
            query = query.Where(u => EF.Functions.Like(u.DisplayName, pattern, LikePattern.Escape) || EF.Functions.Like(u.Email!, pattern, LikePattern.Escape));
            isFiltered = true;
        }

        if (filter.Role is { } role && RoleNames.All.Contains(role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
            isFiltered = true;
        }

        if (filter.StructureId is { } structureId)
        {
            query = query.Where(u => u.Structures.Any(us => us.StructureId == structureId));
            isFiltered = true;
        }

        if (filter.Status == UserListFilter.ActiveStatus)
        {
            query = query.Where(u => !u.IsDisabled);
            isFiltered = true;
        }
        else if (filter.Status == UserListFilter.DisabledStatus)
        {
            query = query.Where(u => u.IsDisabled);
            isFiltered = true;
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, totalPages);
        var users = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LastSignInAtUtc })
            .ToListAsync(cancellationToken);

        // Roles and structures of the page's accounts: two queries for the whole page.
        var ids = users.Select(u => u.Id).ToList();
        var roles = ids.Count == 0
            ? []
            : await (from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     where ids.Contains(ur.UserId)
                     select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var structures = ids.Count == 0
            ? []
            : await db.UserStructures.AsNoTracking().Where(us => ids.Contains(us.UserId))
                .Select(us => new { us.UserId, us.Structure!.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var structuresByUser = structures.ToLookup(s => s.UserId, s => s.Name);

        return View(new UserListViewModel
        {
            Search = filter.Search,
            Role = filter.Role,
            StructureId = filter.StructureId,
            Status = filter.Status,
            Users = [.. users.Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                [.. rolesByUser[u.Id].OrderBy(RoleOrder)],
                [.. structuresByUser[u.Id].Order(StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))],
                u.IsDisabled,
                u.LastSignInAtUtc))],
            Page = page,
            TotalPages = totalPages,
            TotalCount = total,
            IsFiltered = isFiltered,
            RoleChoices = RoleChoices(),
            StructureChoices = await StructureChoicesAsync(cancellationToken),
            StatusChoices =
            [
                new SelectListItem("Actifs", UserListFilter.ActiveStatus),
                new SelectListItem("Désactivés", UserListFilter.DisabledStatus),
            ],
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(await FillChoicesAsync(new UserCreateViewModel(), cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(UserCreateViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(Input(form), form.Password ?? "", cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("User {AdminId} created account {UserId}", userManager.GetUserId(User), result.UserId);
                TempData["Success"] = $"Le compte de {form.DisplayName!.Trim()} a été créé. Communiquez-lui son mot de passe initial par un canal sûr.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: nameof(UserCreateViewModel.Password));
        }

        return View(await FillChoicesAsync(form, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var form = await LoadAsync(id, cancellationToken);
        return form is null ? NotFound() : View(await FillChoicesAsync(form, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserEditViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var saved = await LoadAsync(id, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.UpdateAsync(id, Input(form), form.NewPassword, userManager.GetUserId(User), cancellationToken);
            if (result.Succeeded)
            {
                if (saved.IsSelf && await userManager.FindByIdAsync(id) is { } self)
                {
                    // A new e-mail or password renews the security stamp: keep the administrator's own session.
                    await signInManager.RefreshSignInAsync(self);
                }

                logger.LogInformation("User {AdminId} updated account {UserId}{PasswordReset}", userManager.GetUserId(User), id,
                    string.IsNullOrEmpty(form.NewPassword) ? "" : " and set a new password");
                TempData["Success"] = $"Le compte de {form.DisplayName!.Trim()} a été enregistré.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: nameof(UserEditViewModel.NewPassword));
        }

        // The posted values stay in the form; the account's state comes from the database.
        form.Id = saved.Id;
        form.SavedDisplayName = saved.SavedDisplayName;
        form.IsDisabled = saved.IsDisabled;
        form.IsSelf = saved.IsSelf;
        form.CreatedAtUtc = saved.CreatedAtUtc;
        form.LastSignInAtUtc = saved.LastSignInAtUtc;
        form.LockedUntilUtc = saved.LockedUntilUtc;
        return View(await FillChoicesAsync(form, cancellationToken));
    }

    /// <summary>The confirmation page before disabling.</summary>
    [HttpGet]
    public async Task<IActionResult> Disable(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new DisableUserViewModel(u.Id, u.DisplayName, u.Email ?? "")).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == userManager.GetUserId(User))
        {
            TempData["Error"] = AccountAdministrationService.CannotDisableSelfMessage;
            return RedirectToAction(nameof(Edit), new { id });
        }

        return View(user);
    }

    [HttpPost]
    [ActionName(nameof(Disable))]
    public async Task<IActionResult> DisableConfirmed(string id, CancellationToken cancellationToken)
    {
        var name = await DisplayNameAsync(id, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        var adminId = userManager.GetUserId(User);
        var result = await accounts.DisableAsync(id, adminId, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("User {AdminId} disabled account {UserId}", adminId, id);
            TempData["Success"] = $"Le compte de {name} est désactivé : il ne peut plus se connecter et ses sessions ouvertes se ferment dans la minute.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Enable(string id, CancellationToken cancellationToken)
    {
        var name = await DisplayNameAsync(id, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        var result = await accounts.EnableAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("User {AdminId} enabled account {UserId}", userManager.GetUserId(User), id);
            TempData["Success"] = $"Le compte de {name} est réactivé : il peut de nouveau se connecter avec son mot de passe.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private Task<string?> DisplayNameAsync(string id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

    private async Task<UserEditViewModel?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserEditViewModel
            {
                Id = u.Id,
                DisplayName = u.DisplayName,
                SavedDisplayName = u.DisplayName,
                Email = u.Email,
                IsDisabled = u.IsDisabled,
                CreatedAtUtc = u.CreatedAtUtc,
                LastSignInAtUtc = u.LastSignInAtUtc,
                LockedUntilUtc = u.LockoutEnd.HasValue ? u.LockoutEnd.Value.UtcDateTime : null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                StructureIds = u.Structures.Select(us => us.StructureId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is not null)
        {
            user.IsSelf = user.Id == userManager.GetUserId(User);
            if (user.LockedUntilUtc <= time.GetUtcNow().UtcDateTime)
            {
                user.LockedUntilUtc = null;
            }
        }

        return user;
    }

    private static AccountInput Input(UserFormViewModel form) =>
        new(form.DisplayName ?? "", form.Email ?? "", form.Roles, form.StructureIds);

    private void AddErrors(AccountResult result, string passwordField)
    {
        foreach (var error in result.FieldErrors)
        {
            var key = error.Field switch
            {
                null => string.Empty,
                AccountAdministrationService.PasswordField => passwordField,
                var field => field,
            };
            ModelState.AddModelError(key, error.Message);
        }
    }

    private async Task<T> FillChoicesAsync<T>(T form, CancellationToken cancellationToken)
        where T : UserFormViewModel
    {
        form.RoleChoices = RoleChoices();
        form.StructureChoices = await StructureChoicesAsync(cancellationToken);
        return form;
    }

    private static List<SelectListItem> RoleChoices() => [.. RoleNames.All.Select(r => new SelectListItem(r, r))];

    private async Task<List<SelectListItem>> StructureChoicesAsync(CancellationToken cancellationToken)
    {
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        return [.. structures.Select(s => new SelectListItem(
            s.IsActive ? s.Name : s.Name + " (inactive)", s.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    private static int RoleOrder(string role)
    {
        var index = RoleNames.All.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }
}
