namespace SpPlus.Core.Engagements;

/// <summary>The national platform where users give their opinion (« Je donne mon avis avec Services Publics + »).</summary>
public static class OpinionPlatform
{
    /// <summary>Its address: the public pages' « Donner mon avis » links and the QR code of the results poster.</summary>
    public const string Url = "https://www.plus.transformation.gouv.fr/";
}
