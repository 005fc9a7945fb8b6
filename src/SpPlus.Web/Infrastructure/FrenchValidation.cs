using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SpPlus.Web.Infrastructure;

/// <summary>French messages for model binding and for data annotations that do not carry their own message.</summary>
public sealed class FrenchValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        // MVC adds an implicit [Required] (with an English message) to non-nullable value types when validators are
        // built; adding a French one here first prevents that.
        var type = context.Key.ModelType;
        if (context.Key.MetadataKind == ModelMetadataKind.Property && type.IsValueType && Nullable.GetUnderlyingType(type) is null
            && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
        {
            context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute());
        }

        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
            {
                continue;
            }

            attribute.ErrorMessage = MessageFor(attribute);
        }
    }

    public static string? MessageFor(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Le champ « {0} » est obligatoire.",
        StringLengthAttribute { MinimumLength: > 0 } => "Le champ « {0} » doit contenir entre {2} et {1} caractères.",
        StringLengthAttribute => "Le champ « {0} » doit contenir au plus {1} caractères.",
        MaxLengthAttribute => "Le champ « {0} » doit contenir au plus {1} caractères.",
        MinLengthAttribute => "Le champ « {0} » doit contenir au moins {1} caractères.",
        RangeAttribute => "Le champ « {0} » doit être compris entre {1} et {2}.",
        EmailAddressAttribute => "Le champ « {0} » doit être une adresse électronique valide, par exemple nom@exemple.fr.",
        PhoneAttribute => "Le champ « {0} » doit être un numéro de téléphone valide.",
        UrlAttribute => "Le champ « {0} » doit être une adresse web valide, commençant par http:// ou https://.",
        CompareAttribute => "Les champs « {0} » et « {1} » ne correspondent pas.",
        RegularExpressionAttribute => "Le champ « {0} » n'a pas le format attendu.",
        _ => null,
    };

    /// <summary>Sets the model binding messages (a value that cannot be converted, a missing value...) in French.</summary>
    public static void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n'est pas valide pour le champ « {field} ».");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ « {field} » est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur saisie pour le champ « {field} » n'est pas valide.");
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"Le champ « {field} » doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(field => $"Le champ « {field} » est obligatoire.");
        options.ModelMetadataDetailsProviders.Add(new FrenchValidationMetadataProvider());
    }
}
