using System.Globalization;
using System.Text;

namespace SpPlus.Core.Feedback;

/// <summary>
/// Structure labels of the national platform: their normalised form (the key of <see cref="StructureLabelMapping"/>)
/// and the rule that picks the labels an experience is placed by.
/// </summary>
public static class StructureLabels
{
    /// <summary>
    /// Lower case, accents removed, every character that is neither a letter nor a digit (punctuation, apostrophes,
    /// hyphens, symbols) turned into a space, runs of spaces collapsed, trimmed: « Préfecture de l'Aube – Accueil »
    /// gives « prefecture de l aube accueil ».
    /// </summary>
    public static string Normalize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return "";
        }

        var builder = new StringBuilder(label.Length);
        var pendingSpace = false;
        foreach (var c in label.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        // Letters such as « œ » or « æ » have no decomposition: they stay as they are, which is consistent on both sides.
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The labels an experience is placed by, most specific first: its structure label when there is one, otherwise
    /// its typologies 3, 2 then 1. Blank labels are left out.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string? structureLabel, string? typology1, string? typology2, string? typology3)
    {
        if (!string.IsNullOrWhiteSpace(structureLabel))
        {
            return [structureLabel.Trim()];
        }

        var candidates = new List<string>(3);
        foreach (var typology in new[] { typology3, typology2, typology1 })
        {
            if (!string.IsNullOrWhiteSpace(typology))
            {
                candidates.Add(typology.Trim());
            }
        }

        return candidates;
    }

    /// <summary>The label the unmapped queue groups an experience under (the first of <see cref="Candidates"/>), or null.</summary>
    public static string? QueueLabel(string? structureLabel, string? typology1, string? typology2, string? typology3)
    {
        var candidates = Candidates(structureLabel, typology1, typology2, typology3);
        return candidates.Count > 0 ? candidates[0] : null;
    }
}

/// <summary>
/// Resolves national labels into local structures, from data loaded once: the saved mappings first (on each candidate
/// label in turn), then an exact normalised match with the name of an active structure. A name match is only used,
/// never saved as a mapping.
/// </summary>
public sealed class StructureResolver
{
    private readonly IReadOnlyDictionary<string, int> _mappings;
    private readonly Dictionary<string, int> _names;

    public StructureResolver(IReadOnlyDictionary<string, int> mappingsByNormalizedLabel, IEnumerable<(int Id, string Name)> activeStructures)
    {
        _mappings = mappingsByNormalizedLabel;
        _names = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, name) in activeStructures)
        {
            var key = StructureLabels.Normalize(name);
            if (key.Length == 0)
            {
                continue;
            }

            if (!_names.TryAdd(key, id))
            {
                ambiguous.Add(key);
            }
        }

        // Two structures with the same normalised name: the name says nothing, a mapping is needed.
        foreach (var key in ambiguous)
        {
            _names.Remove(key);
        }
    }

    public int? Resolve(string? structureLabel, string? typology1, string? typology2, string? typology3)
    {
        var keys = StructureLabels.Candidates(structureLabel, typology1, typology2, typology3)
            .Select(StructureLabels.Normalize)
            .Where(k => k.Length > 0)
            .ToList();
        foreach (var key in keys)
        {
            if (_mappings.TryGetValue(key, out var mapped))
            {
                return mapped;
            }
        }

        foreach (var key in keys)
        {
            if (_names.TryGetValue(key, out var named))
            {
                return named;
            }
        }

        return null;
    }
}
