using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Web.Models.Account;

namespace SpPlus.Web.Controllers;

/// <summary>
/// Sign-in, sign-out and change of password. One answer for an unknown e-mail, a wrong password, a disabled account and
/// a locked-out account, so that the page never tells whether an account exists; the page states the lockout rule.
/// </summary>
public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    SpPlusDbContext db,
    TimeProvider time,
    ILogger<AccountController> logger) : Controller
{
    public const string SignInFailedMessage = "Adresse électronique ou mot de passe incorrect.";
    public const string SignedOutMessage = "Vous êtes déconnecté.";
    public const string PasswordChangedMessage = "Votre mot de passe a été modifié.";

    /// <summary>A hash to verify when the account is unknown or refused before its password is checked, so that the answer takes as long.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect("~/");
        }

        return View(new LoginViewModel { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
    }

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Login(LoginViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : null;
        if (!ModelState.IsValid)
        {
            return LoginFormAgain(model);
        }

        var user = await userManager.FindByEmailAsync(model.Email!.Trim());
        if (user is null)
        {
            userManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, model.Password!);
            logger.LogWarning("Sign-in failed: no account for the e-mail given");
            return SignInFailed(model);
        }

        var result = await signInManager.PasswordSignInAsync(user, model.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var now = time.GetUtcNow().UtcDateTime;
            // A direct update: the sign-in time is not an administrative change for the audit log.
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAtUtc, now), cancellationToken);
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(model.ReturnUrl ?? "~/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused to user {UserId}: account locked out", user.Id);
        }
        else if (result.IsNotAllowed)
        {
            userManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, model.Password!);
            logger.LogWarning("Sign-in refused to user {UserId}: account disabled", user.Id);
        }
        else
        {
            logger.LogWarning("Sign-in failed for user {UserId}: wrong password", user.Id);
        }

        return SignInFailed(model);
    }

    /// <summary>Signing out needs no role: any visitor may end a session, even one without rights.</summary>
    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        var userId = userManager.GetUserId(User);
        await signInManager.SignOutAsync();
        if (userId is not null)
        {
            logger.LogInformation("User {UserId} signed out", userId);
        }

        TempData["Success"] = SignedOutMessage;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            // Both checks before changing anything, so that every problem shows at once.
            if (!await userManager.CheckPasswordAsync(user, model.CurrentPassword!))
            {
                ModelState.AddModelError(nameof(model.CurrentPassword), userManager.ErrorDescriber.PasswordMismatch().Description);
            }

            foreach (var message in await AccountAdministrationService.CheckPasswordAsync(userManager, user, model.NewPassword!))
            {
                ModelState.AddModelError(nameof(model.NewPassword), message);
            }
        }

        if (ModelState.IsValid)
        {
            var result = await userManager.ChangePasswordAsync(user, model.CurrentPassword!, model.NewPassword!);
            if (result.Succeeded)
            {
                await signInManager.RefreshSignInAsync(user);
                logger.LogInformation("User {UserId} changed their password", user.Id);
                TempData["Success"] = PasswordChangedMessage;
                return LocalRedirect("~/");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword),
                    error.Description);
            }
        }

        // Passwords are never sent back to the browser.
        return View(new ChangePasswordViewModel());
    }

    private IActionResult SignInFailed(LoginViewModel model)
    {
        ModelState.AddModelError(string.Empty, SignInFailedMessage);
        return LoginFormAgain(model);
    }

    private ViewResult LoginFormAgain(LoginViewModel model)
    {
        model.Password = null;
        return View(nameof(Login), model);
    }
}
