using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// Sorts model state keys as the model declares its properties: "" (the model itself) first,
/// then <c>Email</c>, <c>Address.City</c>, <c>Items[2].Name</c>… by property position and index.
/// </summary>
internal static class ErrorOrder
{
    private const int Unknown = int.MaxValue;

    public static IComparer<IReadOnlyList<int>> Comparer { get; } = Comparer<IReadOnlyList<int>>.Create(Compare);

    /// <summary>The position of <paramref name="key"/> in the model: one number per segment of the key.</summary>
    public static IReadOnlyList<int> Of(ModelMetadata? model, string key)
    {
        var order = new List<int>();
        if (key.Length == 0)
        {
            return order;
        }

        var metadata = model;
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = metadata?.Properties.FirstOrDefault(p => string.Equals(p.PropertyName, name, StringComparison.Ordinal));
            order.Add(property is null ? Unknown : IndexOf(metadata!, property));
            metadata = property;

            if (bracket >= 0)
            {
                var end = segment.IndexOf(']', bracket);
                var index = end > bracket
                    && int.TryParse(segment.AsSpan(bracket + 1, end - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                    ? i
                    : Unknown;
                order.Add(index);
                metadata = metadata?.ElementMetadata;
            }
        }

        return order;
    }

    private static int IndexOf(ModelMetadata container, ModelMetadata property)
    {
        var index = 0;
        foreach (var candidate in container.Properties)
        {
            if (ReferenceEquals(candidate, property))
            {
                return index;
            }

            index++;
        }

        return Unknown;
    }

    private static int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
    {
        x ??= [];
        y ??= [];
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var difference = x[i].CompareTo(y[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
