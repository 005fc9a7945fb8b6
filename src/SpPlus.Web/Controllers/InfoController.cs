using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SpPlus.Web.Controllers;

/// <summary>The public information pages linked from the footer.</summary>
[AllowAnonymous]
public sealed class InfoController : Controller
{
    /// <summary>The accessibility declaration (RGAA 4.1).</summary>
    [HttpGet("/accessibilite")]
    public IActionResult Accessibility() => View();

    /// <summary>What personal data the portal processes, why, how long, and the rights of the people concerned.</summary>
    [HttpGet("/donnees-personnelles")]
    public IActionResult PersonalData() => View();
}
