using System.ComponentModel.DataAnnotations;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>Who may call the admin endpoints: a shared bearer token (the AppHost's admin-token), a JWT issuer, or both.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>Read on every request, so a changed token takes effect without a restart.</summary>
    public string? Token { get; set; }

    /// <summary>The signed-in name (audit trails, logs) of calls made with <see cref="Token"/>.</summary>
    public string TokenUserName { get; set; } = "admin-token";

    public AdminJwtOptions Jwt { get; set; } = new();

    public AccessOptions Access { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Token) && !Jwt.IsConfigured)
        {
            yield return new ValidationResult(
                "No admin can sign in: set Admin:Token (env Admin__Token, the AppHost's admin-token parameter) or Admin:Jwt:Authority and Admin:Jwt:Audience.");
        }

        if (string.IsNullOrEmpty(Jwt.Authority) != string.IsNullOrEmpty(Jwt.Audience))
        {
            yield return new ValidationResult("Admin:Jwt:Authority and Admin:Jwt:Audience must be set together.");
        }

        foreach (var (name, value) in new[]
        {
            ("ProgramsClaim", Access.ProgramsClaim), ("RoleClaim", Access.RoleClaim), ("ViewerRole", Access.ViewerRole), ("EditorRole", Access.EditorRole),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"Admin:Access:{name} is empty; leave it out for its default or name the claim or role your identity provider sends.");
            }
        }

        if (Access.ViewerRole == Access.EditorRole)
        {
            yield return new ValidationResult("Admin:Access:ViewerRole and Admin:Access:EditorRole name the same role; a viewer would be an editor.");
        }
    }
}
