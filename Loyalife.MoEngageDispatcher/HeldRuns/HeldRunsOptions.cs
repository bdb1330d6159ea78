namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>
/// Section <c>HeldRuns</c>: the rules for every program, and under <c>HeldRuns:Programs:{programId}</c>
/// what one program sets differently (any of the same settings; what it leaves out is the default's).
/// </summary>
public sealed class HeldRunsOptions : HoldRules, IValidatableObject
{
    public const string Section = "HeldRuns";

    public Dictionary<string, HoldRuleOverrides> Programs { get; set; } = [];

    /// <summary>The rules that apply to <paramref name="programId"/>.</summary>
    public HoldRules For(string programId)
    {
        var rules = new HoldRules
        {
            Enabled = Enabled, EventsFactor = EventsFactor, EventsMinimum = EventsMinimum,
            HistoryNights = HistoryNights, MemberDropPercent = MemberDropPercent,
        };
        if (Programs.TryGetValue(programId, out var own))
        {
            rules.Enabled = own.Enabled ?? rules.Enabled;
            rules.EventsFactor = own.EventsFactor ?? rules.EventsFactor;
            rules.EventsMinimum = own.EventsMinimum ?? rules.EventsMinimum;
            rules.HistoryNights = own.HistoryNights ?? rules.HistoryNights;
            rules.MemberDropPercent = own.MemberDropPercent ?? rules.MemberDropPercent;
        }

        return rules;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (programId, own) in Programs)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(own, new ValidationContext(own), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"{Section}:Programs:{programId}: {result.ErrorMessage}");
                }
            }
        }
    }
}
