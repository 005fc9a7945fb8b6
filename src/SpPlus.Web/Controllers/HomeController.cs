using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Web.Authorization;
using SpPlus.Web.Models;
using SpPlus.Web.MySpace;

namespace SpPlus.Web.Controllers;

/// <summary>"Mon espace": what waits for the signed-in user.</summary>
public sealed class HomeController(SpPlusDbContext db, UserScope scope, IEnumerable<IMySpaceProvider> providers) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var structureIds = await scope.GetStructureIdsAsync(cancellationToken);
        var structureNames = await db.Structures.AsNoTracking()
            .Where(s => structureIds.Contains(s.Id)).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);

        var items = new List<MySpaceItem>();
        foreach (var provider in providers)
        {
            items.AddRange(await provider.GetItemsAsync(cancellationToken));
        }

        var roles = RoleNames.All.Where(User.IsInRole).ToList();
        return View(new MySpaceViewModel
        {
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? User.Identity?.Name ?? "" : displayName,
            Roles = roles,
            StructureNames = structureNames,
            Items = items.OrderByDescending(i => i.Priority).ToList(),
            EmptyMessages = roles.Select(EmptyMessage).ToList(),
            Shortcuts = Shortcuts(roles),
        });
    }

    private static string EmptyMessage(string role) => role switch
    {
        RoleNames.Correspondent => "Aucune saisie ne vous attend pour vos structures. Les résultats trimestriels à saisir ou à corriger, les avis des usagers à traiter et les actions en retard apparaîtront ici.",
        RoleNames.Referent => "Rien à relire pour le moment. Les documents soumis par les correspondants (résultats trimestriels, réponses aux avis, auto-évaluations, plans d'action) apparaîtront ici.",
        RoleNames.CopilMember => "Aucune auto-évaluation ni aucun plan d'action n'attend la validation du COPIL.",
        RoleNames.ClacReader => "Aucune nouvelle publication. Les résultats publiés et les plans d'action validés apparaîtront ici.",
        RoleNames.Administrator => "Aucune tâche d'administration en attente.",
        _ => "Rien ne vous attend pour le moment.",
    };

    private static IReadOnlyList<MySpaceItem> Shortcuts(IReadOnlyList<string> roles)
    {
        var shortcuts = new List<MySpaceItem>
        {
            new("Engagements", "Consulter les référentiels Services Publics + et leurs engagements.", "/Engagements/Frameworks"),
            new("Engagements locaux", roles.Contains(RoleNames.Correspondent) || roles.Contains(RoleNames.Referent)
                ? "Consulter et mettre à jour les engagements propres à chaque structure : délais annoncés, horaires, joignabilité."
                : "Consulter les engagements propres à chaque structure : délais annoncés, horaires, joignabilité.", "/Engagements/Commitments"),
        };
        shortcuts.Add(new("Résultats trimestriels", roles.Contains(RoleNames.Correspondent)
            ? "Saisir et soumettre les résultats de qualité de service de vos structures, trimestre par trimestre."
            : "Consulter les résultats de qualité de service des structures, trimestre par trimestre.", "/Indicators/Reports"));
        shortcuts.Add(new("Tendances", "Suivre chaque indicateur sur les huit derniers trimestres, par structure et pour le département.", "/Indicators/Trends"));
        shortcuts.Add(new("Expériences usagers", roles.Contains(RoleNames.Correspondent)
            ? "Répondre aux expériences publiées par les usagers sur « Je donne mon avis », à partir des modèles de réponse."
            : "Consulter les expériences publiées par les usagers sur « Je donne mon avis » et les réponses des structures.", "/Feedback/Experiences"));
        shortcuts.Add(new("Indicateurs de l'écoute", "Taux de réponse, délais et ressentis des usagers, par structure et pour le département.", "/Feedback/Metrics"));
        if (roles.Contains(RoleNames.Referent))
        {
            shortcuts.Add(new("Importer un export", "Importer l'export des expériences de la plateforme nationale, avec un aperçu avant confirmation.", "/Feedback/Imports"));
        }

        if (roles.Contains(RoleNames.Administrator))
        {
            shortcuts.Add(new("Comptes", "Créer, modifier et désactiver les comptes ; attribuer rôles et structures.", "/Admin/Users"));
            shortcuts.Add(new("Structures", "Tenir à jour la liste des structures du département.", "/Admin/Structures"));
            shortcuts.Add(new("Journal d'audit", "Savoir qui a modifié quoi, et quand.", "/Admin/Audit"));
        }

        return shortcuts;
    }
}
