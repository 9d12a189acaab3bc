namespace Imr.Clinical;

/// <summary>
/// One thing the case summary states, with the words it was read from and whether it is asserted.
/// Anatomy and time facts (levels, sites, sides, dates, durations) are attributes rather than findings and are
/// always <see cref="Assertion.Present"/>; every other kind carries the ConText reading of its sentence.
/// </summary>
public abstract record ClinicalFact
{
    public required Evidence Evidence { get; init; }

    public Assertion Assertion { get; init; }

    public Subject Subject { get; init; }

    /// <summary>Asserted about the patient, now or in the past: what a guideline criterion can count on.</summary>
    public bool IsAffirmed => Subject == Subject.Patient && Assertion is Assertion.Present or Assertion.Historical;
}

/// <summary>A score or a range of scores ("6-8" is 6 to 8).</summary>
public readonly record struct ScoreRange(double Low, double High)
{
    public double Mid => (Low + High) / 2;

    public static ScoreRange Of(double value) => new(value, value);

    public override string ToString() => Low == High ? Fmt(Low) : $"{Fmt(Low)}-{Fmt(High)}";

    private static string Fmt(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>When the score applies.</summary>
public enum PainCondition
{
    Unspecified,
    WithMedication,
    WithoutMedication,
    AtBest,
    AtWorst,
    Average,
    WithActivity,
    AtRest,
}

/// <summary>
/// A pain score: "pain rated 7/10", "6-8 on a 10-point scale", "VAS 5", or a change "decreased from 8/10 to 4/10"
/// (then <see cref="Before"/> is 8 and <see cref="Score"/>, the after value, 4).
/// </summary>
public sealed record PainScore : ClinicalFact
{
    public ScoreRange Score { get; init; }

    /// <summary>The top of the scale (10 for every form read).</summary>
    public double Scale { get; init; } = 10;

    /// <summary>The earlier score of a change; null when the score stands alone.</summary>
    public ScoreRange? Before { get; init; }

    /// <summary>The later score of a change (the same as <see cref="Score"/>); null when the score stands alone.</summary>
    public ScoreRange? After => Before is null ? null : Score;

    public PainCondition Condition { get; init; }

    /// <summary>The body region named just before the score in its sentence ("neck pain rated 6/10").</summary>
    public BodyRegion? Region { get; init; }
}

public enum TimeUnit
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>An amount of time, possibly a range ("6-8 weeks").</summary>
public readonly record struct TimeAmount(double Low, double High, TimeUnit Unit)
{
    public double MinDays => Low * DaysPer(Unit);

    public double MaxDays => High * DaysPer(Unit);

    public static double DaysPer(TimeUnit unit) => unit switch
    {
        TimeUnit.Hour => 1.0 / 24,
        TimeUnit.Day => 1,
        TimeUnit.Week => 7,
        TimeUnit.Month => 365.25 / 12,
        _ => 365.25,
    };

    public override string ToString() => $"{new ScoreRange(Low, High)} {Unit.ToString().ToLowerInvariant()}(s)";
}

public enum DurationRelation
{
    /// <summary>A bare amount ("3 months").</summary>
    Plain,

    /// <summary>"for 6 weeks", "x 6 weeks", "lasting 2 months".</summary>
    For,

    /// <summary>"3 years ago".</summary>
    Ago,

    /// <summary>"over the past week", "in the last 2 months".</summary>
    Past,

    /// <summary>"within 2 weeks", "in 3 months".</summary>
    Within,
}

/// <summary>An amount of time: "for 6 weeks", "3 months", "one month", "1-1/2 years ago".</summary>
public sealed record Duration : ClinicalFact
{
    public TimeAmount Amount { get; init; }

    public DurationRelation Relation { get; init; }
}

public enum DateRelation
{
    Plain,

    /// <summary>"on 10-13-16".</summary>
    On,

    /// <summary>"since 2014".</summary>
    Since,

    /// <summary>"until 11-24-2016", "through 12-12-2016".</summary>
    Until,
}

/// <summary>What a date is, where the sentence says so.</summary>
public enum DateRole
{
    Unspecified,

    /// <summary>The date of injury ("sustained an industrial injury on 10-13-16", "date of injury").</summary>
    Injury,

    /// <summary>The date of the utilization review decision.</summary>
    UtilizationReview,
}

/// <summary>A date, full or partial: "10-13-16", "11/03/2016", "October 10, 2016", "7/2012", "since 2014".</summary>
public sealed record DateMention : ClinicalFact
{
    public int Year { get; init; }

    public int? Month { get; init; }

    public int? Day { get; init; }

    /// <summary>The calendar date when year, month and day are all known.</summary>
    public DateOnly? Date => Month is { } m && Day is { } d ? new DateOnly(Year, m, d) : null;

    public DateRelation Relation { get; init; }

    public DateRole Role { get; init; }
}

/// <summary>A spinal level or span: "C5-6" (C5 to C6), "L5-S1", "C2 to C6", "T10".</summary>
public sealed record SpinalLevel : ClinicalFact
{
    /// <summary>The upper segment, normalised ("C5").</summary>
    public required string From { get; init; }

    /// <summary>The lower segment of a span, normalised ("C6"); null for a single segment.</summary>
    public string? To { get; init; }

    public SpineRegion Region { get; init; }

    public Side? Side { get; init; }

    /// <summary>"C5-C6" or "T10".</summary>
    public string Name => To is null ? From : $"{From}-{To}";
}

/// <summary>A body region, with its side when one is named with it: "right shoulder", "bilateral lower extremities".</summary>
public sealed record BodySite : ClinicalFact
{
    public BodyRegion Region { get; init; }

    public Side? Side { get; init; }
}

/// <summary>A side word wherever it occurs: "left", "right", "bilateral", "bilaterally".</summary>
public sealed record LateralityMention : ClinicalFact
{
    public Side Side { get; init; }
}

/// <summary>Drug classes the guidelines treat differently.</summary>
public enum DrugClass
{
    Other,
    Opioid,
    MuscleRelaxant,
    Nsaid,
    Acetaminophen,
    Anticonvulsant,
    Antidepressant,
    Benzodiazepine,
    Hypnotic,
    GastricProtectant,
    TopicalAnalgesic,
    Corticosteroid,
    Triptan,
    Antiemetic,
    Laxative,
}

/// <summary>
/// A medication: "Norco 10/325mg #90", "Flexeril 7.5mg one tablet twice a day", "tramadol 50 mg q6h prn"; or a class
/// ("opioids", "muscle relaxant", "NSAIDs") with <see cref="IsClassMention"/> set.
/// </summary>
public sealed record Medication : ClinicalFact
{
    /// <summary>The name as written ("Norco", "oxycodone/acetaminophen", "muscle relaxant").</summary>
    public required string Name { get; init; }

    /// <summary>The generic name of a known brand ("hydrocodone/acetaminophen" for Norco); null when unknown or a class.</summary>
    public string? Generic { get; init; }

    public DrugClass Class { get; init; }

    public bool IsClassMention { get; init; }

    /// <summary>"ER", "HCL", "gel", "patch" ... as written.</summary>
    public string? Formulation { get; init; }

    /// <summary>The strength as written without its unit ("10/325", "7.5").</summary>
    public string? Strength { get; init; }

    /// <summary>The first number of the strength (10 for "10/325").</summary>
    public double? StrengthValue { get; init; }

    /// <summary>"mg", "mcg", "%", "g" ... lower-cased.</summary>
    public string? Unit { get; init; }

    /// <summary>The frequency as written ("twice a day", "q6h", "every 4-6 hours").</summary>
    public string? Frequency { get; init; }

    /// <summary>Doses a day the frequency allows at most (2 for "twice a day", 4 for "q6h"); null when not stated.</summary>
    public double? DosesPerDay { get; init; }

    /// <summary>"as needed", "prn".</summary>
    public bool AsNeeded { get; init; }

    /// <summary>The dispensed quantity ("#90", "number ninety (90)", "quantity of 60").</summary>
    public int? Quantity { get; init; }

    public int? Refills { get; init; }
}

public enum TreatmentKind
{
    PhysicalTherapy,
    OccupationalTherapy,
    Chiropractic,
    Acupuncture,
    Massage,
    EpiduralSteroidInjection,
    FacetInjection,
    MedialBranchBlock,
    RadiofrequencyAblation,
    TriggerPointInjection,
    NerveBlock,
    JointInjection,
    OtherInjection,
    SpinalCordStimulator,
    Surgery,
    Medications,
    Tens,
    HomeExercise,
    ConservativeCare,
    ActivityModification,
    Rest,
    Bracing,
    Psychotherapy,
    Shockwave,
    HeatCold,
    FunctionalRestoration,
}

public enum TreatmentOutcome
{
    /// <summary>Nothing said about how it went.</summary>
    Unknown,

    /// <summary>"helped", "with some benefit", "60% relief", "decreased his pain".</summary>
    Improved,

    /// <summary>"no improvement", "failed", "not effective", "minimal improvement despite".</summary>
    NoImprovement,

    /// <summary>Improvement expressly not documented ("without documentation of functional improvement").</summary>
    NotDocumented,
}

/// <summary>
/// A treatment, received or requested (see <see cref="ClinicalFact.Assertion"/>: requested and planned ones are
/// <see cref="Assertion.Hypothetical"/>): "completed 12 sessions of physical therapy", "24 chiropractic visits with no
/// improvement", "prior epidural steroid injection provided 60% relief for 8 weeks", "failed conservative care".
/// </summary>
public sealed record Treatment : ClinicalFact
{
    public TreatmentKind Kind { get; init; }

    /// <summary>Sessions, visits or injections when stated (completed ones if received, requested ones if requested).</summary>
    public int? Count { get; init; }

    public TreatmentOutcome Outcome { get; init; }

    /// <summary>The words the outcome was read from.</summary>
    public Evidence? OutcomeEvidence { get; init; }

    /// <summary>Relief reported for this treatment in the same sentence.</summary>
    public Relief? Relief { get; init; }
}

/// <summary>Relief or improvement by a percentage, a duration, or both: "50% relief", "90% improvement for 2 years", "9-10 months' relief".</summary>
public sealed record Relief : ClinicalFact
{
    public ScoreRange? Percent { get; init; }

    public TimeAmount? Duration { get; init; }

    /// <summary>The treatment it is credited to, when one is named in the same sentence.</summary>
    public TreatmentKind? Treatment { get; init; }
}

public enum FunctionDomain
{
    General,
    ActivitiesOfDailyLiving,
    Work,
    Walking,
    Sitting,
    Standing,
    Sleep,
    Activity,
    RangeOfMotion,
    MedicationReduction,
}

/// <summary>
/// Documented functional improvement, or its documented absence (<see cref="Assertion.Negated"/>):
/// "improved ability to perform ADLs", "increased walking tolerance", "no documentation of functional improvement".
/// </summary>
public sealed record FunctionalImprovement : ClinicalFact
{
    public FunctionDomain Domain { get; init; }
}

public enum RedFlagKind
{
    /// <summary>"red flags" without saying which.</summary>
    Unspecified,
    CaudaEquina,
    BowelBladderDysfunction,
    ProgressiveNeurologicalDeficit,
    Fracture,
    Tumor,
    Infection,
    Fever,
    WeightLoss,
}

/// <summary>A red flag mention: "cauda equina", "bowel or bladder dysfunction", "no evidence of red flags" (negated).</summary>
public sealed record RedFlag : ClinicalFact
{
    public RedFlagKind Kind { get; init; }
}

public enum NeuroFindingKind
{
    SensoryDeficit,
    Weakness,
    ReflexChange,
    StraightLegRaise,
    Spurling,
    /// <summary>Nerve provocation signs other than the two above (Tinel's, Phalen's, Hoffmann's ...): <see cref="NeuroFinding.Detail"/> names it.</summary>
    NerveSign,
    Radiculopathy,
    RadiatingPain,
    Numbness,
    Tingling,
    Paresthesia,
    /// <summary>"neurological deficits", "focal neurological dysfunction".</summary>
    NeurologicalDeficit,
}

/// <summary>
/// A neurological finding with level and side when stated: "decreased sensation in the L4-S1 distribution", "weakness 4/5",
/// "right ankle deep tendon reflex 1+", "positive straight leg raise on the right". A normal result is the finding
/// <see cref="Assertion.Negated"/> ("sensation intact", "5/5 strength", "reflexes 2+ and symmetrical").
/// </summary>
public sealed record NeuroFinding : ClinicalFact
{
    public NeuroFindingKind Kind { get; init; }

    public Side? Side { get; init; }

    /// <summary>Spinal levels named with the finding, normalised ("L4-S1", "C5").</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>A grade or angle as written ("4+/5", "1+", "65 degrees"), or the sign's name for <see cref="NeuroFindingKind.NerveSign"/>.</summary>
    public string? Detail { get; init; }
}

/// <summary>An orthopaedic provocative test: "positive Hawkins", "negative Neer's" (negated), "drop arm test was positive".</summary>
public sealed record ExamTest : ClinicalFact
{
    public required string Name { get; init; }

    public Side? Side { get; init; }
}

/// <summary>One diagnosis of a list after "diagnosed with", "treated for", "diagnoses include", "diagnosis of".</summary>
public sealed record Diagnosis : ClinicalFact
{
    public string Text => Evidence.Text;

    public BodyRegion? Region { get; init; }

    public Side? Side { get; init; }
}

public enum WorkStatusKind
{
    FullDuty,
    ModifiedDuty,
    OffWork,
    TemporaryTotalDisability,
    PermanentAndStationary,
    Working,
    /// <summary>"work status is not documented", "unclear".</summary>
    NotDocumented,
}

/// <summary>Work status: "modified duty", "off work", "temporary total disability", "full duty".</summary>
public sealed record WorkStatus : ClinicalFact
{
    public WorkStatusKind Kind { get; init; }
}

public enum MonitoringKind
{
    UrineDrugScreen,
    /// <summary>CURES, PDMP.</summary>
    PrescriptionDatabase,
    TreatmentAgreement,
    RiskAssessment,
}

public enum MonitoringResult
{
    NotStated,
    Consistent,
    Inconsistent,
    Positive,
    Negative,
}

/// <summary>Opioid monitoring: urine drug screens with their result, CURES reports, opioid agreements, risk tools.</summary>
public sealed record OpioidMonitoring : ClinicalFact
{
    public MonitoringKind Kind { get; init; }

    public MonitoringResult Result { get; init; }

    public Evidence? ResultEvidence { get; init; }
}

/// <summary>A mention of aberrant drug behaviour: "aberrant behavior", "early refills", "drug seeking", "no evidence of misuse" (negated).</summary>
public sealed record AberrantBehavior : ClinicalFact
{
    /// <summary>The behaviour as written, lower-cased.</summary>
    public required string Behavior { get; init; }
}

public enum ImagingModality
{
    Mri,
    CT,
    XRay,
    Electrodiagnostic,
    Ultrasound,
    BoneScan,
    Myelogram,
    /// <summary>"imaging", "diagnostic imaging" without saying which.</summary>
    Unspecified,
}

/// <summary>
/// An imaging or electrodiagnostic study, with what it showed when stated: "MRI of the lumbar spine on 12-07-2016 which
/// showed exaggerated lumbosacral lordosis", "X-ray of the right shoulder revealed ...". Requested studies are
/// <see cref="Assertion.Hypothetical"/>.
/// </summary>
public sealed record ImagingStudy : ClinicalFact
{
    public ImagingModality Modality { get; init; }

    public BodyRegion? Region { get; init; }

    public Side? Side { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>The reported findings: the words after "showed", "revealed", "was notable for" to the end of the clause.</summary>
    public Evidence? Finding { get; init; }
}
