using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SpPlus.Web.Controllers;

/// <summary>
/// The error pages, reached by re-execution (status code pages, exception handler) or directly.
/// The route takes every method: a failed POST is re-executed as a POST and must still get its
/// page. It changes nothing, so it skips the antiforgery check (otherwise the 400 of a POST
/// without token would be re-executed here and refused again, leaving a blank page).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/erreur/{code:int?}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Index(int? code)
    {
        var status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(ErrorViewModel.For(status));
    }
}

/// <summary>What the error page says for a status code.</summary>
public sealed record ErrorViewModel(int StatusCode, string Title, string Lead, IReadOnlyList<string> Details)
{
    public static ErrorViewModel For(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => new(
            statusCode,
            "Page non trouvée",
            "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.",
            [
                "Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus disponible.",
                "Dans ce cas, pour continuer votre visite, vous pouvez retourner à la page d'accueil.",
            ]),
        StatusCodes.Status403Forbidden => new(
            statusCode,
            "Accès refusé",
            "Vous n'avez pas les droits nécessaires pour consulter cette page.",
            [
                "Cette page est réservée à certains rôles ou à certaines structures.",
                "Si vous pensez que c'est une erreur, contactez le référent Services Publics + de votre structure ou l'administrateur du service.",
            ]),
        StatusCodes.Status400BadRequest => new(
            statusCode,
            "Requête invalide",
            "Votre demande n'a pas pu être traitée.",
            [
                "Si vous avez envoyé un formulaire, la page était peut-être restée ouverte trop longtemps : rechargez-la puis recommencez.",
            ]),
        StatusCodes.Status413PayloadTooLarge => new(
            statusCode,
            "Fichier trop volumineux",
            "Le fichier envoyé dépasse la taille maximale acceptée.",
            [
                "Vérifiez la taille maximale indiquée sous le champ du formulaire, puis envoyez un fichier plus petit (un export peut être découpé en plusieurs fichiers).",
            ]),
        _ => new(
            statusCode,
            "Erreur inattendue",
            "Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.",
            [
                "Essayez de rafraîchir la page ou bien réessayez plus tard.",
                "Si le problème persiste, contactez l'administrateur du service.",
            ]),
    };
}
